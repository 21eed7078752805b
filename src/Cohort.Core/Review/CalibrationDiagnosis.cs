using Cohort.Matching.Text;

namespace Cohort.Core.Review;

/// <summary>
/// What the reviews can and cannot tell about comparisons between topics (docs/decisions/calibration.md): the
/// components of the reviewer–subject graph, the share of reviews outside each reviewer's main topic, and each topic's
/// effect measured from the reviews alone — the topics held free (a prior variance ten thousand times the residual's),
/// so its standard error says how well the reviews that cross topics pin the difference down, whatever the fit's
/// estimated spread of topics.
/// </summary>
internal static class CalibrationDiagnosis
{
    /// <summary>
    /// A topic's effect known less well than this share of the applicants' spread (one standard error against the
    /// fitted applicant standard deviation) draws a warning: relative, so that it means the same on any scale.
    /// </summary>
    public const double TopicErrorShare = 1.0 / 6;

    private const double FreeTopicRatio = 1e4;

    public static CalibrationDiagnostics Of(CalibrationDesign design, MixedModel model, MixedModel.Solution fit, (double Applicant, double Reviewer) ratios, double residual)
    {
        var components = Enumerable.Range(0, design.ComponentCount).Select(c => new ReviewComponent(
            design.SubjectComponent.Count(x => x == c), design.ReviewerComponent.Count(x => x == c),
            design.Reviews.Count(r => design.SubjectComponent[r.Subject] == c))).ToList();
        var topics = TopicEffects(design, model, ratios, residual);
        var bridging = BridgingShare(design);
        var limit = TopicErrorShare * Math.Sqrt(ratios.Applicant * residual);
        return new CalibrationDiagnostics(components, bridging, topics, Warnings(components, bridging, topics, limit).ToList());
    }

    /// <summary>Of the reviews of subjects with a topic, the share outside the reviewer's main topic (the one they read most; ties by name).</summary>
    private static double? BridgingShare(CalibrationDesign design)
    {
        var withTopic = design.Reviews.Where(r => design.SubjectTopic[r.Subject] >= 0).ToList();
        if (design.TopicNames.Length < 2 || withTopic.Count == 0)
        {
            return null;
        }

        // The assignment's own rule for a reviewer's main topic, so the page and the bridging share measure the same thing.
        var mainTopic = withTopic.GroupBy(r => r.Reviewer).ToDictionary(g => g.Key,
            g => BridgedAssignment.MainTopic(g.Select(r => (string?)design.TopicNames[design.SubjectTopic[r.Subject]])));
        return withTopic.Count(r => design.TopicNames[design.SubjectTopic[r.Subject]] != mainTopic[r.Reviewer]) / (double)withTopic.Count;
    }

    private static List<TopicEffect> TopicEffects(CalibrationDesign design, MixedModel model, (double Applicant, double Reviewer) ratios, double residual)
    {
        var free = design.TopicEffects > 0 ? model.Solve(ratios.Applicant, ratios.Reviewer, FreeTopicRatio) : null;
        var componentOf = Enumerable.Range(0, design.TopicNames.Length).ToDictionary(t => t,
            t => design.SubjectsOf(t).GroupBy(s => design.SubjectComponent[s]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key);
        var reviews = design.Reviews.Where(r => design.SubjectTopic[r.Subject] >= 0).ToLookup(r => design.SubjectTopic[r.Subject]);
        return Enumerable.Range(0, design.TopicNames.Length).Select(t =>
        {
            var siblings = Enumerable.Range(0, design.TopicNames.Length)
                .Where(o => design.TopicColumnOf[o] >= 0 && componentOf[o] == componentOf[t]).ToList();
            double? effect = null, error = null;
            if (free is not null && design.TopicColumnOf[t] >= 0 && siblings.Count > 1)
            {
                // The topic against the average of its component's topics: the direction that moves every topic and the
                // component's mean together is what no review can tell, and this contrast is orthogonal to it.
                var contrast = new double[design.DenseSize];
                foreach (var o in siblings)
                {
                    contrast[design.TopicColumnOf[o]] -= 1.0 / siblings.Count;
                }

                contrast[design.TopicColumnOf[t]] += 1;
                effect = contrast.Select((c, j) => c * free.Dense[j]).Sum();
                var solved = free.Factor.Solve(contrast);
                error = Math.Sqrt(residual * Math.Max(contrast.Select((c, j) => c * solved[j]).Sum(), 0));
            }

            return new TopicEffect(design.TopicNames[t], componentOf[t], design.SubjectsOf(t).Count(), reviews[t].Count(),
                reviews[t].Select(r => r.Score).DefaultIfEmpty().Average(), effect, error);
        }).ToList();
    }

    private static IEnumerable<string> Warnings(List<ReviewComponent> components, double? bridging, List<TopicEffect> topics, double limit)
    {
        if (components.Count > 1)
        {
            yield return $"The reviews fall into {components.Count} groups that share no reviewer (the largest has " +
                $"{English.Count(components[0].Subjects, "application", "applications")} and {English.Count(components[0].Reviewers, "reviewer", "reviewers")}). " +
                "Calibration compares applications only within a group; between groups their means stand as the raw scores put them, because no review compares them.";
        }

        var alone = topics.Where(t => !t.Compared).Select(t => t.Topic).ToList();
        if (topics.Count > 1 && alone.Count > 0)
        {
            yield return $"{English.List(alone)} {(alone.Count == 1 ? "shares" : "share")} no reviewer with any other topic: " +
                "between topics, calibration leaves those applications where their raw means put them.";
        }

        var loose = topics.Where(t => t.StandardError > limit).OrderByDescending(t => t.StandardError).ToList();
        if (loose.Count > 0)
        {
            yield return $"Calibration between topics rests on too little: the difference of {English.List(loose.Select(t => $"{t.Topic} (±{t.StandardError:0.00})").ToList())} " +
                $"from the other topics is less certain than ±{limit:0.00} points, a sixth of the applicants' spread, with {bridging * 100:0}% of reviews " +
                "outside their reviewer's main topic. More reviews across topics narrow it: reserve a share of each reviewer's load outside their topics, " +
                "or have a few anchor applications read widely, on the assignment page.";
        }
    }
}
