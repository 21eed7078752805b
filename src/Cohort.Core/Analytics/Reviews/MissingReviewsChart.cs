using Cohort.Core.Analytics.Charts;
using Cohort.Core.Review;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>
/// The reviews the open rounds still wait for, per reviewer and round: assignments neither submitted nor declined. A
/// closed round takes no more reviews, so what it lacks is no longer missing but simply not there.
/// </summary>
internal static class MissingReviewsChart
{
    public static Chart Of(IReadOnlyList<AnalysedRound> rounds, IReadOnlyList<AnalysedAssignment> assignments, ReviewerNames reviewers)
    {
        var open = rounds.Where(r => r.State == ReviewRoundState.Open).ToList();
        var missing = open.SelectMany(round => assignments.Where(a => a.RoundId == round.Id).GroupBy(a => a.ReviewerId).Select(g => (
                Round: round, Reviewer: g.Key, Missing: g.Count(a => a.State == AssignmentState.Assigned),
                Submitted: g.Count(a => a.State == AssignmentState.Submitted), Declined: g.Count(a => a.State == AssignmentState.Declined))))
            .Where(m => m.Missing > 0).ToList();
        var byReviewer = missing.GroupBy(m => m.Reviewer).OrderByDescending(g => g.Sum(m => m.Missing)).ThenBy(g => reviewers.Of(g.Key), StringComparer.Ordinal).Select(g => g.Key).ToList();
        var waiting = open.Where(r => missing.Any(m => m.Round == r)).ToList();
        var figure = new BarFigure(byReviewer.Select(reviewers.Of).ToList(),
            waiting.Select(r => new Series(r.Name, byReviewer.Select(id => (double)missing.Where(m => m.Round == r && m.Reviewer == id).Sum(m => m.Missing)).ToList())).ToList(),
            "reviews missing", Stacked: true);
        var rows = missing.OrderBy(m => byReviewer.IndexOf(m.Reviewer)).ThenBy(m => open.IndexOf(m.Round))
            .Select(m => (IReadOnlyList<object?>)[reviewers.Of(m.Reviewer), m.Round.Name, m.Missing, m.Submitted, m.Declined]).ToList();
        return new Chart("missing", "Reviews still missing, by reviewer",
            $"Reviews the open rounds assigned and the reviewer has neither submitted nor declined, per reviewer, one colour per round: {missing.Sum(m => m.Missing)} in all, from {byReviewer.Count} reviewers.",
            figure, new ChartTable(["Reviewer", "Round", "Missing", "Submitted", "Declined"], rows),
            open.Count == 0 ? "No review round is open, so no review is missing." : missing.Count == 0 ? "Every review the open rounds asked for is in." : null);
    }
}
