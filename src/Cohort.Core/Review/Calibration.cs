namespace Cohort.Core.Review;

/// <summary>
/// Corrects review scores for reviewer leniency with a linear mixed model (docs/decisions/calibration.md):
/// score = m(component) + t(topic) + a(subject) + r(reviewer) + e, where a, r, t and e are normal with variances
/// estimated from the reviews by restricted maximum likelihood (REML), not fixed in advance. m is one free mean per
/// connected component of the reviewer–subject graph: nothing links two components, so their difference is left as
/// their reviews' raw means say rather than guessed. t gives each topic sharing a component with another topic its
/// own effect, so a strong topic's applicants are not mistaken for a lenient panel: how much of a topic's difference
/// goes to its applicants rather than its reviewers is then decided by the reviews that cross topics and by the
/// estimated spread of topics, reviewers and applicants.
/// <para>
/// The calibrated score of a subject is m + t + a, the score an average reviewer would give it; its standard error is
/// the prediction error of that sum given the fitted variances (Henderson's C⁻¹ times the residual variance). It
/// treats the variances as known, so it is a little optimistic when there are few reviews. A reviewer's leniency has
/// its standard error the same way: the prediction error of the reviewer's effect, the square root of its diagonal
/// entry of C⁻¹ times the residual variance (Henderson 1975, "Best linear unbiased estimation and prediction under a
/// selection model"). It shrinks as the reviewer reads more, and more of what others read.
/// </para>
/// </summary>
public static class Calibration
{
    /// <summary>Points on the 0–10 scale by which a subject's leniency-adjusted reviews may differ before it is flagged.</summary>
    public const double DisagreementThreshold = 3.0;

    /// <summary>Fits <paramref name="reviews"/>; <paramref name="topics"/> names each subject's topic where one is known.</summary>
    public static CalibrationResult Fit(IReadOnlyCollection<ReviewScore> reviews, IReadOnlyDictionary<int, string>? topics = null)
    {
        if (reviews.Count == 0)
        {
            return CalibrationResult.Empty;
        }

        var design = new CalibrationDesign(reviews, topics);
        var model = new MixedModel(design);
        var start = design.TopicEffects > 0 ? new[] { 0.0, -1, -1 } : [0.0, -1];
        var (applicant, reviewer, topic) = model.Ratios(NelderMead.Minimise(model.RestrictedDeviance, start, step: 1, tolerance: 1e-8, maxEvaluations: 400));
        var solution = model.Solve(applicant, reviewer, topic);
        var residual = solution.ResidualQuadratic / model.FreeObservations;
        var variances = new VarianceComponents(applicant * residual, reviewer * residual, design.TopicEffects > 0 ? topic * residual : null, residual);

        var inverse = solution.Factor.Inverse();
        var leniency = design.ReviewerIds.Select((id, j) => (id, j)).ToDictionary(x => x.id, x => solution.Dense[design.ReviewerColumn(x.j)], StringComparer.Ordinal);
        // The subjects were eliminated from the equations, so the inverse of the Schur complement is exactly the dense
        // block of C⁻¹: a leniency's prediction error variance is its diagonal entry times the residual variance.
        var leniencyError = design.ReviewerIds.Select((id, j) => (id, j)).ToDictionary(x => x.id,
            x => Math.Sqrt(residual * Math.Max(inverse[design.ReviewerColumn(x.j), design.ReviewerColumn(x.j)], 0)), StringComparer.Ordinal);
        var subjects = SubjectScores(design, solution, inverse, residual, leniency);
        return new CalibrationResult(subjects, leniency, leniencyError, variances, CalibrationDiagnosis.Of(design, model, solution, (applicant, reviewer), residual));
    }

    private static Dictionary<int, SubjectScore> SubjectScores(CalibrationDesign design, MixedModel.Solution solution, double[,] inverse, double residual, Dictionary<string, double> leniency)
    {
        var reviewsOf = design.Reviews.ToLookup(r => r.Subject);
        var scores = new Dictionary<int, SubjectScore>(design.SubjectIds.Length);
        for (var s = 0; s < design.SubjectIds.Length; s++)
        {
            var (columns, values) = design.Couplings[s];
            var baseColumns = design.BaseColumns(s).ToArray();
            var diagonal = solution.Diagonal[s];
            // x′C⁻¹x for x picking the subject's effect and its base columns u, from the block inverse:
            // C⁻¹ of the subject is 1/D + c′S⁻¹c/D², its cross block with the dense unknowns −S⁻¹c/D, and S⁻¹ theirs.
            double quadratic = 0, cross = 0, basePart = 0;
            for (var p = 0; p < columns.Length; p++)
            {
                foreach (var u in baseColumns)
                {
                    cross += values[p] * inverse[columns[p], u];
                }

                for (var q = 0; q < columns.Length; q++)
                {
                    quadratic += values[p] * values[q] * inverse[columns[p], columns[q]];
                }
            }

            foreach (var u in baseColumns)
            {
                foreach (var v in baseColumns)
                {
                    basePart += inverse[u, v];
                }
            }

            var varianceFactor = 1 / diagonal + quadratic / (diagonal * diagonal) - 2 * cross / diagonal + basePart;
            var mine = reviewsOf[s].ToArray();
            var adjusted = mine.Select(r => r.Score - leniency[design.ReviewerIds[r.Reviewer]]).ToArray();
            scores[design.SubjectIds[s]] = new SubjectScore(design.SubjectIds[s], mine.Average(r => r.Score),
                baseColumns.Sum(u => solution.Dense[u]) + solution.SubjectEffects[s],
                Math.Sqrt(residual * Math.Max(varianceFactor, 0)), mine.Length, adjusted.Max() - adjusted.Min());
        }

        return scores;
    }
}
