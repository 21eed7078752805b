using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// An admin adds or removes one assignment of a round that is not closed. A conflicted pair or a reviewer already
/// asked to review the application in this round is refused; a review already given is never removed.
/// </summary>
public sealed class AssignReviewersByHand(CohortDbContext db, TimeProvider clock, AuditLog audit, MeasureAffinities measure)
{
    /// <summary>Assigns <paramref name="reviewerId"/> to <paramref name="subjectId"/>; the refusal, or null once saved.</summary>
    public async Task<string?> AddAsync(Actor admin, int roundId, int subjectId, string reviewerId, CancellationToken cancellation = default)
    {
        var round = await db.ReviewRounds.Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        if (round is null || round.State == ReviewRoundState.Closed)
        {
            return "This round is closed; its assignments no longer change.";
        }

        var facts = await ReviewRoundFacts.LoadAsync(db, round, subjectId, cancellation);
        var subject = facts.Subjects.SingleOrDefault();
        var reviewer = facts.Reviewers.SingleOrDefault(r => r.Profile.UserId == reviewerId);
        if (subject is null || reviewer is null)
        {
            return subject is null ? $"Application #{subjectId} is not reviewed in this round." : "Choose a reviewer of the pool.";
        }

        if (ReviewRoundFacts.Conflict(reviewer, subject) is { } conflict)
        {
            return $"{reviewer.Label} cannot review {subject.Label}: {conflict}.";
        }

        if (round.Assignments.Any(a => a.SubjectId == subjectId && a.ReviewerId == reviewerId))
        {
            return $"{reviewer.Label} is already assigned {subject.Label} in this round (or declined it).";
        }

        var affinity = (await measure.OfAsync(facts, cancellation)).Of(reviewer, subject);
        db.ReviewAssignments.Add(new ReviewAssignment
        {
            RoundId = round.Id, SubjectId = subjectId, ReviewerId = reviewerId, Origin = AssignmentOrigin.Manual,
            State = AssignmentState.Assigned, Affinity = (double)affinity, AssignedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(admin, "review-assignment.added", $"review-round:{round.Id}", $"{subject.Label} to {reviewer.Label} by hand (affinity {affinity:0.##})");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? null : ReviewRoundFacts.SimultaneousChange;
    }

    /// <summary>Removes an assignment not yet reviewed; the refusal, or null once saved.</summary>
    public async Task<string?> RemoveAsync(Actor admin, int roundId, int assignmentId, CancellationToken cancellation = default)
    {
        var round = await db.ReviewRounds.Include(r => r.Assignments).ThenInclude(a => a.Review).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        var assignment = round?.Assignments.SingleOrDefault(a => a.Id == assignmentId);
        if (round is null || assignment is null || round.State == ReviewRoundState.Closed)
        {
            return "This assignment cannot be removed: it is not in an open or draft round.";
        }

        if (assignment.State == AssignmentState.Submitted || assignment.Review is not null)
        {
            return "This reviewer has already given a review, which is kept; it cannot be removed.";
        }

        db.ReviewAssignments.Remove(assignment);
        audit.Record(admin, "review-assignment.removed", $"review-round:{round.Id}",
            $"application #{assignment.SubjectId} from reviewer {assignment.ReviewerId} ({assignment.Origin}, {assignment.State})");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? null : ReviewRoundFacts.SimultaneousChange;
    }
}
