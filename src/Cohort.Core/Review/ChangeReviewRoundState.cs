using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// Opens a draft round (its reviewers then see their assignments) or closes an open one (no more reviews are taken;
/// those given are kept). Rounds only move forward.
/// </summary>
public sealed class ChangeReviewRoundState(CohortDbContext db, AuditLog audit)
{
    /// <summary>Moves the round to <paramref name="target"/>; the refusal, or null once saved.</summary>
    public async Task<string?> RunAsync(Actor admin, int roundId, ReviewRoundState target, CancellationToken cancellation = default)
    {
        var round = await db.ReviewRounds.Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        if (round is null)
        {
            return "There is no such round.";
        }

        var expected = target == ReviewRoundState.Open ? ReviewRoundState.Draft : ReviewRoundState.Open;
        if (target == ReviewRoundState.Draft || round.State != expected)
        {
            return $"Only a {expected.ToString().ToLowerInvariant()} round can be {(target == ReviewRoundState.Open ? "opened" : "closed")}; this one is {round.State.ToString().ToLowerInvariant()}.";
        }

        if (target == ReviewRoundState.Open && round.Assignments.Count == 0)
        {
            return "Assign reviewers before opening the round.";
        }

        var before = round.State;
        round.State = target;
        audit.Record(admin, target == ReviewRoundState.Open ? "review-round.opened" : "review-round.closed", $"review-round:{round.Id}", $"{before} → {target}");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? null : ReviewRoundFacts.SimultaneousChange;
    }
}
