using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Matching.Selection;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>One endorsed application in a proposal: its calibrated review score if reviewed, its value, and whether the optimum takes it, with why (the best total reached with it in, or without it).</summary>
public sealed record ProposedRow(ExtensionRow Row, double? ReviewScore, double Value, bool Chosen, string Why);

/// <param name="Refusal">Why there is no proposal, or null.</param>
/// <param name="Seats">The seats left to fill (the round's, less those accepted already).</param>
/// <param name="Budget">The budget left, likewise.</param>
/// <param name="Reviewed">Whether the round has calibrated review scores, which then count in the value.</param>
public sealed record SelectionProposal(string? Refusal, int Seats, long Budget, double Total, long Cost, IReadOnlyList<ProposedRow> Rows, bool Reviewed = false)
{
    public IEnumerable<ProposedRow> Chosen => Rows.Where(r => r.Chosen);
}

/// <summary>
/// The optimal choice among a round's endorsed applications awaiting a decision, for the seats and budget not yet
/// taken by acceptances: the largest total value (<see cref="ValueOf"/>) within both, solved exactly by
/// <see cref="BudgetedSelection"/>. A proposal changes nothing; the admin applies it as bulk acceptances, which
/// check capacity again (<see cref="DecideExtensions"/>).
/// </summary>
public static class ProposeExtensionSelection
{
    /// <summary>
    /// An application's value: its mentors' mean endorsement rating (1 to 5), plus, when the round has calibrated
    /// review scores, half the application's score (0 to 10, so 0 to 5: the two weigh alike). The mentors watched the
    /// fellow's work for the whole programme, which is what an extension rewards, and every endorsed applicant has
    /// them; reviewers add a blind, calibrated reading of the proposal. An endorsed applicant the reviewers did not
    /// reach counts the round's mean score, neither helped nor harmed by the gap. The value is per fellow, not per
    /// unit of money: the budget is a bound, not a price, so a strong but costly fellow wins over two weaker cheap
    /// ones whenever the budget allows.
    /// </summary>
    public static double ValueOf(ExtensionRow row, double? reviewScore) => (row.MeanRating ?? 0) + (reviewScore ?? 0) / 2;

    public static async Task<SelectionProposal> RunAsync(CohortDbContext db, int roundId, CancellationToken cancellation = default)
    {
        var round = await db.ExtensionRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, cancellation);
        var rows = await ExtensionRows.OfRound(db, roundId).ToListAsync(cancellation);
        var accepted = rows.Where(r => r.State == ApplicationState.Advanced).ToList();
        var (seats, budget) = (Math.Max(0, round.Seats - accepted.Count), Math.Max(0, round.Budget - accepted.Sum(r => (long)r.RequestedAmount)));
        var endorsed = rows.Where(r => r.IsEndorsed && ExtensionScope.AwaitsDecision(r.State)).OrderBy(r => r.Id).ToList();
        if (endorsed.Count == 0)
        {
            return new("No application awaiting a decision is endorsed yet, so there is nothing to choose among.", seats, budget, 0, 0, []);
        }

        var scores = await ExtensionScores.CalibratedAsync(db, roundId, cancellation);
        double? ScoreOf(ExtensionRow row) => scores.Count == 0 ? null : scores.TryGetValue(row.Id, out var score) ? score : scores.Values.Average();
        var problem = new SelectionProblem(endorsed.Select(r => new SelectionItem(ValueOf(r, ScoreOf(r)), r.RequestedAmount)).ToList(), seats, (int)budget);
        if (BudgetedSelection.TooLarge(problem) is { } tooLarge)
        {
            return new(tooLarge, seats, budget, 0, 0, []);
        }

        var result = BudgetedSelection.Solve(problem);
        var total = Math.Round(result.Total, 2);
        var proposed = endorsed.Select((row, i) =>
        {
            var chosen = result.Chosen.Contains(i);
            var why = chosen
                ? $"without it the best choice totals {result.BestWithout[i]:0.##}"
                : row.RequestedAmount > budget ? $"asks more than the {budget:N0} {round.Currency} left"
                : result.BestWith[i] is { } with ? $"with it the best choice totals {with:0.##}, not more than {total:0.##}"
                : "no choice within the seats and budget can include it";
            return new ProposedRow(row, ScoreOf(row), problem.Items[i].Value, chosen, why);
        }).OrderByDescending(p => p.Chosen).ThenByDescending(p => p.Value).ThenBy(p => p.Row.Id).ToList();
        return new(null, seats, budget, total, result.Cost, proposed, scores.Count > 0);
    }
}
