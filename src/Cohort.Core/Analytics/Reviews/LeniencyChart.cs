using Cohort.Core.Analytics.Charts;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>
/// A forest plot of each reviewer's leniency in a stage, from the calibration of its score table, with its 95% interval
/// (±1.96 standard errors of the reviewer's effect in the mixed model, <see cref="Calibration"/>).
/// </summary>
internal static class LeniencyChart
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    private const double Z95 = 1.96;

    public static Chart Of(StageKind stage, ScoreTable table, IReadOnlyList<AnalysedAssignment> assignments, ReviewerNames reviewers)
    {
        var calibration = table.Calibration;
        var chosen = table.Rounds.Where(r => r.Chosen).Select(r => r.Id).ToHashSet();
        var reviews = assignments.Where(a => a.Overall is not null && chosen.Contains(a.RoundId)).GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var estimates = calibration.Leniency.OrderByDescending(l => l.Value).ThenBy(l => reviewers.Of(l.Key), StringComparer.Ordinal).Select(l =>
        {
            var error = calibration.LeniencyStandardError[l.Key];
            var (low, high) = (l.Value - Z95 * error, l.Value + Z95 * error);
            return (Id: l.Key, Estimate: new Estimate(reviewers.Of(l.Key), l.Value, low, high, Flagged: low > 0 || high < 0), Error: error);
        }).ToList();
        var rows = estimates.Select(e => (IReadOnlyList<object?>)
            [e.Estimate.Label, reviews.GetValueOrDefault(e.Id), e.Estimate.Value, e.Error, e.Estimate.Low, e.Estimate.High, e.Estimate.Flagged]).ToList();
        var subjects = StageWords.Subjects(stage);
        return new Chart($"leniency-{StageKinds.Slug(stage)}", $"Reviewer leniency, {subjects}",
            $"Each reviewer's leniency in points of the 0 to 10 overall score (above 0: scores higher than an average reviewer), as the calibration of the {subjects}' score table estimates it, with its 95% interval. "
            + $"{estimates.Count(e => e.Estimate.Flagged)} of {estimates.Count} reviewers have an interval that excludes 0 and are marked.",
            new IntervalFigure(estimates.Select(e => e.Estimate).ToList(), "leniency (points on 0 to 10)", 0),
            new ChartTable(["Reviewer", "Reviews", "Leniency", "Standard error", "95% interval low", "95% interval high", "Interval excludes 0"], rows),
            estimates.Count == 0 ? $"No {subjects[..^1]} has a review yet." : null);
    }
}
