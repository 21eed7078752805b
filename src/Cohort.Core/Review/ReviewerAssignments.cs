using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What someone may do with one assignment they ask for.</summary>
public enum AssignmentAccess
{
    /// <summary>No such assignment.</summary>
    Missing,

    /// <summary>Someone else's, declined, or in a round that has not opened: 403.</summary>
    Refused,

    /// <summary>Readable, not changeable: an admin looking at anyone's, or the reviewer's own once the round closed.</summary>
    ReadOnly,

    /// <summary>The reviewer's own, in an open round: the review form takes changes.</summary>
    Editable,
}

/// <summary>
/// A reviewer's assignments and who may open one. A reviewer sees only assignments given to them, and only once the
/// round opens; admins may read any assignment but never review in someone else's name.
/// </summary>
public static class ReviewerAssignments
{
    /// <summary>The reviewer's assignments in open rounds that they have not declined, soonest due first.</summary>
    public static Task<List<ReviewAssignment>> OpenAsync(CohortDbContext db, string reviewerId, CancellationToken cancellation) =>
        db.ReviewAssignments.AsNoTracking().Include(a => a.Round)
            .Where(a => a.ReviewerId == reviewerId && a.State != AssignmentState.Declined && a.Round!.State == ReviewRoundState.Open)
            .OrderBy(a => a.Round!.DueAt == null).ThenBy(a => a.Round!.DueAt).ThenBy(a => a.Id)
            .ToListAsync(cancellation);

    /// <summary>The assignment with its round, rubric and review, and what <paramref name="userId"/> may do with it.</summary>
    public static async Task<(ReviewAssignment? Assignment, AssignmentAccess Access)> FindAsync(
        CohortDbContext db, int assignmentId, string userId, bool isAdmin, CancellationToken cancellation)
    {
        var assignment = await db.ReviewAssignments.AsNoTracking()
            .Include(a => a.Round).ThenInclude(r => r!.Rubric).ThenInclude(r => r!.Criteria)
            .Include(a => a.Review).ThenInclude(r => r!.Scores)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == assignmentId, cancellation);
        return (assignment, Access(assignment, userId, isAdmin));
    }

    /// <summary>The opaque name reviewers know an application by: the assignment, never the applicant.</summary>
    public static string Reference(int assignmentId) => $"Application R-{assignmentId}";

    private static AssignmentAccess Access(ReviewAssignment? assignment, string userId, bool isAdmin)
    {
        if (assignment is null)
        {
            return AssignmentAccess.Missing;
        }

        if (assignment.ReviewerId == userId && assignment.State != AssignmentState.Declined)
        {
            switch (assignment.Round!.State)
            {
                case ReviewRoundState.Open:
                    return AssignmentAccess.Editable;
                case ReviewRoundState.Closed:
                    return AssignmentAccess.ReadOnly;
            }
        }

        return isAdmin ? AssignmentAccess.ReadOnly : AssignmentAccess.Refused;
    }
}
