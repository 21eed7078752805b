using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What declining did: whom the application went to instead (null when nobody could take it), or why nothing changed.</summary>
public sealed record DeclineOutcome(bool Declined, string? ReplacementLabel, string? Refusal);

/// <summary>
/// A reviewer declines one of their assignments in an open round. The application goes at once to the reviewer with
/// the best affinity who has no conflict with the applicant, is not already asked to review it in this round and is
/// below their maximum load; the fewest current assignments breaks ties. When nobody qualifies the round page shows
/// the application as needing a reviewer.
/// </summary>
public sealed class DeclineAssignment(CohortDbContext db, TimeProvider clock, AuditLog audit, MeasureAffinities measure)
{
    public const int MaxReasonLength = 500;

    public async Task<DeclineOutcome> RunAsync(Actor reviewer, int assignmentId, string? reason, CancellationToken cancellation = default)
    {
        var roundId = await db.ReviewAssignments.Where(a => a.Id == assignmentId && a.ReviewerId == reviewer.UserId)
            .Select(a => (int?)a.RoundId).SingleOrDefaultAsync(cancellation);
        var round = await db.ReviewRounds.Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        var assignment = round?.Assignments.Single(a => a.Id == assignmentId);
        if (round is null || assignment is null)
        {
            return new(false, null, "There is no such assignment of yours.");
        }

        if (round.State != ReviewRoundState.Open || assignment.State != AssignmentState.Assigned)
        {
            return new(false, null, assignment.State == AssignmentState.Submitted
                ? "You have already reviewed this application; your review stands."
                : "This assignment can no longer be declined.");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length > MaxReasonLength)
        {
            return new(false, null, $"Keep the reason under {MaxReasonLength} characters; nothing was changed.");
        }

        assignment.State = AssignmentState.Declined;
        assignment.DeclineReason = text;
        var facts = await ReviewRoundFacts.LoadAsync(db, round, assignment.SubjectId, cancellation);
        var replacement = facts.Subjects.SingleOrDefault() is { } subject ? Replacement(facts, await measure.OfAsync(facts, cancellation), subject) : null;
        if (replacement is not null)
        {
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                RoundId = round.Id, SubjectId = assignment.SubjectId, ReviewerId = replacement.Reviewer.Profile.UserId,
                Origin = AssignmentOrigin.Replacement, State = AssignmentState.Assigned, Affinity = (double)replacement.Affinity,
                AssignedAt = clock.GetUtcNow().UtcDateTime,
            });
        }

        audit.Record(reviewer, "review-assignment.declined", $"review-round:{round.Id}",
            $"application #{assignment.SubjectId}; " + (replacement is null ? "no replacement available" : $"replaced by {replacement.Reviewer.Label}")
            + (text.Length > 0 ? $"; reason: {text}" : ""));
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation)
            ? new(true, replacement?.Reviewer.Label, null)
            : new(false, null, ReviewRoundFacts.SimultaneousChange);
    }

    private sealed record Candidate(PoolReviewer Reviewer, decimal Affinity, int Load);

    private static Candidate? Replacement(ReviewRoundFacts facts, PairAffinities affinities, ReviewSubject subject)
    {
        var loads = facts.Loads();
        var asked = facts.Round.Assignments.Where(a => a.SubjectId == subject.Id).Select(a => a.ReviewerId).ToHashSet();
        return facts.Reviewers
            .Where(r => !asked.Contains(r.Profile.UserId) && ReviewRoundFacts.Conflict(r, subject) is null)
            .Select(r => new Candidate(r, affinities.Of(r, subject), loads.GetValueOrDefault(r.Profile.UserId)))
            .Where(c => c.Load < c.Reviewer.Profile.MaxLoad)
            .OrderByDescending(c => c.Affinity).ThenBy(c => c.Load).ThenBy(c => c.Reviewer.Label, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
