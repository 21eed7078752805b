using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What someone may do with one assignment they ask for.</summary>
public enum AssignmentAccess
{
    /// <summary>No such assignment, or one its reviewer may no longer see (out of the pool, or in conflict): 404.</summary>
    Missing,

    /// <summary>Someone else's, declined, or in a round that has not opened: 403.</summary>
    Refused,

    /// <summary>Readable, not changeable: an admin looking at anyone's, or the reviewer's own once the round closed or the stage was decided.</summary>
    ReadOnly,

    /// <summary>The reviewer's own, in an open round, the stage undecided: the review form takes changes.</summary>
    Editable,
}

/// <summary>
/// A reviewer's assignments and who may open one. A reviewer sees only assignments given to them, only once the round
/// opens, and only while they are in the current season's pool and have no conflict with the applicant
/// (<see cref="ReviewerScope"/>); the review form closes when the round closes or the stage is decided. Admins may
/// read any assignment but never review in someone else's name.
/// </summary>
public static class ReviewerAssignments
{
    /// <summary>The reviewer's assignments they can still review (open round, undecided, in scope), soonest due first.</summary>
    public static async Task<List<ReviewAssignment>> OpenAsync(CohortDbContext db, string reviewerId, CancellationToken cancellation)
    {
        if (await ReviewerScope.CurrentAsync(db, reviewerId, cancellation) is not { } scope)
        {
            return [];
        }

        var open = await db.ReviewAssignments.AsNoTracking().Include(a => a.Round)
            .Where(a => a.ReviewerId == reviewerId && a.State != AssignmentState.Declined && a.Round!.State == ReviewRoundState.Open && a.Round.SeasonId == scope.SeasonId)
            .OrderBy(a => a.Round!.DueAt == null).ThenBy(a => a.Round!.DueAt).ThenBy(a => a.Id)
            .ToListAsync(cancellation);
        var kept = new List<ReviewAssignment>();
        foreach (var assignment in open)
        {
            if (await ReviewerAccessAsync(db, assignment, scope, cancellation) == AssignmentAccess.Editable)
            {
                kept.Add(assignment);
            }
        }

        return kept;
    }

    /// <summary>The assignment with its round, rubric and review, and what <paramref name="userId"/> may do with it.</summary>
    public static async Task<(ReviewAssignment? Assignment, AssignmentAccess Access)> FindAsync(
        CohortDbContext db, int assignmentId, string userId, bool isAdmin, CancellationToken cancellation)
    {
        var assignment = await db.ReviewAssignments.AsNoTracking()
            .Include(a => a.Round).ThenInclude(r => r!.Rubric).ThenInclude(r => r!.Criteria)
            .Include(a => a.Review).ThenInclude(r => r!.Scores)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == assignmentId, cancellation);
        if (assignment is null)
        {
            return (null, AssignmentAccess.Missing);
        }

        var own = assignment.ReviewerId == userId ? await ReviewerAccessAsync(db, assignment, await ReviewerScope.CurrentAsync(db, userId, cancellation), cancellation) : AssignmentAccess.Refused;
        return (assignment, isAdmin && own is not AssignmentAccess.Editable ? AssignmentAccess.ReadOnly : own);
    }

    /// <summary>What the assigned reviewer in <paramref name="scope"/> (null: not in the current pool) may do with <paramref name="assignment"/>, loaded with its round.</summary>
    public static async Task<AssignmentAccess> ReviewerAccessAsync(CohortDbContext db, ReviewAssignment assignment, ReviewerScope? scope, CancellationToken cancellation)
    {
        var round = assignment.Round!;
        if (assignment.State == AssignmentState.Declined || round.State == ReviewRoundState.Draft)
        {
            return AssignmentAccess.Refused;
        }

        if (scope is null || scope.ReviewerId != assignment.ReviewerId || scope.SeasonId != round.SeasonId
            || await scope.ConflictsWithAsync(db, await BlindApplication.ApplicantIdAsync(db, assignment, cancellation), cancellation))
        {
            return AssignmentAccess.Missing;
        }

        return round.State == ReviewRoundState.Open && !await StageDecisions.IsDecidedAsync(db, round.Stage, assignment.SubjectId, cancellation)
            ? AssignmentAccess.Editable
            : AssignmentAccess.ReadOnly;
    }

    /// <summary>The opaque name reviewers know an application by: the assignment, never the applicant.</summary>
    public static string Reference(int assignmentId) => $"Application R-{assignmentId}";
}
