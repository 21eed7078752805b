using System.Globalization;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>A round's reviews by the score they gave each criterion: one bar per criterion at each point of the rubric's scale.</summary>
internal static class ScoreDistributionChart
{
    /// <param name="criteria">The round's rubric's criteria in their order; at least one.</param>
    public static Chart Of(AnalysedRound round, IReadOnlyList<CriterionScale> criteria, IReadOnlyList<MarkCount> marks)
    {
        // Criteria of one rubric usually share a scale; when they do not, the axis spans them all and a point outside
        // a criterion's own scale counts no review of it.
        var points = Enumerable.Range(criteria.Min(c => c.ScaleMin), criteria.Max(c => c.ScaleMax) - criteria.Min(c => c.ScaleMin) + 1).ToList();
        var counts = marks.ToDictionary(m => (m.CriterionId, m.Value), m => m.Reviews);
        var rows = criteria.SelectMany(c =>
        {
            var total = points.Sum(p => counts.GetValueOrDefault((c.Id, p)));
            return points.Select(p => (IReadOnlyList<object?>)[c.Name, p, counts.GetValueOrDefault((c.Id, p)), ChartCell.Percent(counts.GetValueOrDefault((c.Id, p)), total)]);
        }).ToList();
        var figure = new BarFigure(
            points.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList(),
            criteria.Select(c => new Series(c.Name, points.Select(p => (double)counts.GetValueOrDefault((c.Id, p))).ToList())).ToList(),
            "reviews");
        var reviews = criteria.Max(c => points.Sum(p => counts.GetValueOrDefault((c.Id, p))));
        return new Chart($"scores-round-{round.Id}", $"{round.Name}: scores by criterion",
            $"How many of the round's {reviews} reviews gave each point of the scale ({points[0]} to {points[^1]}), for each criterion: {string.Join(", ", criteria.Select(c => c.Name))}.",
            figure, new ChartTable(["Criterion", "Score", "Reviews", "Share of the criterion's reviews (%)"], rows));
    }
}
