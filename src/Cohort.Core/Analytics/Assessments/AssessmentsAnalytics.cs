using Cohort.Core.Analytics.Charts;
using Cohort.Core.Analytics.Statistics;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Assessments;

/// <summary>
/// Classical item analysis of the season's assessments (stage 2's, and the streams' follow-ups; with a stream, that
/// stream's follow-ups only): each automatically scored item's difficulty and discrimination, each assessment's
/// Cronbach's α, and the time attempts took against the limit. Read over closed attempts in three narrow queries.
/// </summary>
public sealed class AssessmentsAnalytics(CohortDbContext db) : IAnalyticsTopic
{
    public string Key => "assessments";
    public string Title => "Assessments";
    public bool ByStream => true;
    public bool ForMentors => false;

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var assessments = await AssessmentScoresAsync(scope, cancellation);
        var analysed = assessments.Where(a => a.Attempts.Count > 0 && a.Items.Count > 0).ToList();
        var items = analysed.SelectMany(ItemStatistics.Of).ToList();
        var nothing = assessments.Count == 0
            ? scope.StreamId is null ? "No assessment in this season yet." : "This stream has no follow-up assessment."
            : assessments.All(a => a.Attempts.Count == 0) ? "No attempt has closed yet." : null;
        Chart[] charts =
        [
            DifficultyChart(items, nothing ?? (items.Count == 0 ? "No assessment with closed attempts has an item scored automatically." : null)),
            DiscriminationChart(items, nothing),
            ReliabilityChart(analysed, nothing),
            .. assessments.Select(TimeChart),
        ];
        return new AnalyticsSection(Key, Title, Notes(analysed), charts);
    }

    private static List<string> Notes(IReadOnlyList<AssessmentScores> analysed)
    {
        List<string> notes =
        [
            "Each item scored from its answer key (multiple choice, numeric, ordering), over the attempts that have closed: handed in, " +
                "or closed when their time ran out. An item left unanswered scores 0, as it does in the attempt's score. Items reviewers " +
                "score are left out: their points come later, and from people.",
            "Difficulty is the mean share of the item's points that attempts scored: for an item right or wrong, the share who got it " +
                "right. An item near 1 tells applicants apart as little as one near 0.",
            "Discrimination is the correlation between the item's points and the rest of the test (the assessment's other automatically " +
                "scored items), the corrected item–total correlation; for an item right or wrong it is the point-biserial correlation. " +
                "Leaving the item out of the total keeps it from correlating with itself. Items with a negative discrimination are " +
                "flagged: those who did well on the rest did worse on them, which usually means a wrong answer key or an ambiguous " +
                "question. The 95% interval (Fisher's z) shows how much of that few attempts can support.",
            "Cronbach's α is how consistently an assessment's automatically scored items rank applicants (0.7 is the usual bar for a " +
                "test; a handful of items seldom reaches it, and reviewer-scored items are not in it).",
        ];
        var single = analysed.Where(a => a.Items.Count < 2).Select(a => a.Name).ToList();
        if (single.Count > 0)
        {
            notes.Add($"{string.Join(", ", single)}: fewer than two automatically scored items, so no discrimination and no α.");
        }

        return notes;
    }

    private static Chart DifficultyChart(IReadOnlyList<ItemStatistics> items, string? empty)
    {
        var difficulty = items.Select(i => Math.Round(i.Difficulty, 3)).ToList();
        return new Chart(
            "difficulty", "Item difficulty",
            "For each automatically scored item, the mean share of its points scored over closed attempts (1: everyone scored all of it).",
            new BarFigure(items.Select(i => i.Label).ToList(), [new Series("difficulty", difficulty)], "mean share of the item's points"),
            new ChartTable(["Assessment", "Item", "Kind", "Points", "Attempts", "Difficulty"],
                items.Select((i, n) => Row(i.Assessment, i.Item.Number, i.Item.KindName, i.Item.Points, i.Attempts, difficulty[n])).ToList()),
            empty);
    }

    private static Chart DiscriminationChart(IReadOnlyList<ItemStatistics> items, string? empty)
    {
        var estimable = items.Where(i => !double.IsNaN(i.Low)).Select(i => new
        {
            Statistics = i,
            Estimate = new Estimate(i.Label, Math.Round(i.Discrimination, 3), Math.Round(i.Low, 3), Math.Round(i.High, 3), i.NegativeDiscrimination),
        }).ToList();
        var negative = estimable.Count(e => e.Estimate.Flagged);
        return new Chart(
            "discrimination", "Item discrimination",
            "For each automatically scored item, its correlation with the rest of the test and the 95% interval; " +
                $"{negative} item{(negative == 1 ? " has" : "s have")} a negative discrimination and {(negative == 1 ? "is" : "are")} flagged.",
            new IntervalFigure(estimable.Select(e => e.Estimate).ToList(), "correlation with the rest of the test", 0),
            new ChartTable(["Assessment", "Item", "Attempts", "Discrimination", "Low (95%)", "High (95%)", "Negative"],
                estimable.Select(e => Row(e.Statistics.Assessment, e.Statistics.Item.Number, e.Statistics.Attempts,
                    e.Estimate.Value, e.Estimate.Low, e.Estimate.High, e.Estimate.Flagged)).ToList()),
            empty ?? (estimable.Count == 0
                ? "No item can be set against the rest of its test yet: that takes two or more automatically scored items and four or more closed attempts whose scores vary."
                : null));
    }

    private static Chart ReliabilityChart(IReadOnlyList<AssessmentScores> analysed, string? empty)
    {
        var rows = analysed
            .Select(a => (Assessment: a, Alpha: Math.Round(ItemAnalysis.CronbachAlpha(a.Matrix()), 3)))
            .Where(r => !double.IsNaN(r.Alpha)).ToList();
        return new Chart(
            "reliability", "Reliability of each assessment (Cronbach's α)",
            "For each assessment with two or more automatically scored items, Cronbach's α of those items over its closed attempts.",
            new BarFigure(rows.Select(r => r.Assessment.Name).ToList(), [new Series("Cronbach's α", rows.Select(r => r.Alpha).ToList())], "Cronbach's α"),
            new ChartTable(["Assessment", "Items", "Attempts", "Cronbach's α"],
                rows.Select(r => Row(r.Assessment.Name, r.Assessment.Items.Count, r.Assessment.Attempts.Count, r.Alpha)).ToList()),
            empty ?? (rows.Count == 0 ? "Cronbach's α needs an assessment with two or more automatically scored items and closed attempts whose totals vary." : null));
    }

    private static Chart TimeChart(AssessmentScores assessment)
    {
        var time = TimeTaken.Of(assessment);
        var limit = assessment.TimeLimitMinutes > 0
            ? $"the limit is {assessment.TimeLimitMinutes} minutes from opening"
            : "there is no time limit, only the assessment's window";
        return new Chart(
            $"time-{assessment.Slug}", $"Time taken: {assessment.Name}",
            $"Minutes from opening to handing in of the {assessment.Attempts.Count} closed attempts at {assessment.Name}, in " +
                $"{time.BinMinutes}-minute bins; {limit}. The last row counts attempts whose time ran out and that were closed at their deadline.",
            new BarFigure(time.Bins.Select(b => b.Label).ToList(), [new Series("attempts", time.Bins.Select(b => (double)b.Attempts).ToList())], "attempts"),
            new ChartTable(["Minutes used", "Attempts"], time.Bins.Select(b => Row(b.Label, b.Attempts)).ToList()),
            assessment.Attempts.Count == 0 ? $"No attempt at {assessment.Name} has closed yet." : null);
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    /// <summary>The scope's assessments, their automatically scored items, their closed attempts and those attempts' automatic points.</summary>
    private async Task<List<AssessmentScores>> AssessmentScoresAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.Track!.SeasonId == scope.SeasonId && (scope.StreamId == null || a.StreamId == scope.StreamId))
            .OrderBy(a => a.StreamId != null).ThenBy(a => a.OpensAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.TimeLimitMinutes,
                Items = a.Items.Where(i => !AssessmentItem.ReviewerScoredKinds.Contains(i.Kind)).OrderBy(i => i.Position)
                    .Select(i => new ScoredItem(i.Id, i.Position, i.Kind, i.Points)).ToList(),
            })
            .ToListAsync(cancellation);
        var assessmentIds = assessments.Select(a => a.Id).ToList();
        var itemIds = assessments.SelectMany(a => a.Items).Select(i => i.Id).ToList();
        var attempts = (await db.Attempts.AsNoTracking()
            .Where(t => t.ClosedAt != null && assessmentIds.Contains(t.AssessmentId)).OrderBy(t => t.Id)
            .Select(t => new ClosedAttempt(t.Id, t.AssessmentId, t.StartedAt, t.ClosedAt!.Value, t.SubmittedAt != null))
            .ToListAsync(cancellation)).ToLookup(t => t.AssessmentId);
        // Automatic points are stored when an attempt closes, so an answer that has them belongs to a closed attempt.
        var points = (await db.Set<AttemptAnswer>().AsNoTracking()
            .Where(a => a.AutoPoints != null && itemIds.Contains(a.ItemId))
            .Select(a => new { a.AttemptId, a.ItemId, Points = a.AutoPoints!.Value })
            .ToListAsync(cancellation)).ToDictionary(p => (p.AttemptId, p.ItemId), p => p.Points);
        var sharedTitles = assessments.GroupBy(a => a.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return assessments.Select(a => new AssessmentScores(
                a.Id, sharedTitles.Contains(a.Title) ? $"{a.Title} ({a.Slug})" : a.Title, a.Slug, a.TimeLimitMinutes,
                a.Items, attempts[a.Id].ToList(), points))
            .ToList();
    }
}
