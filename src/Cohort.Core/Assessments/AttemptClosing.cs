using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

public static class AttemptClosing
{
    /// <summary>
    /// Closes and scores <paramref name="attempt"/> if its deadline has passed. If another request closed it at the
    /// same moment, the version check lets one save win, and this one reloads what that one left.
    /// </summary>
    public static async Task<Attempt> CloseIfExpiredAsync(CohortDbContext db, Attempt attempt, DateTime now, CancellationToken cancellation)
    {
        if (!attempt.CloseIfExpired(now, attempt.Assessment!.Items))
        {
            return attempt;
        }

        return await db.TrySaveAsync(cancellation)
            ? attempt
            : await Invitations.AttemptAsync(db, attempt.AssessmentId, attempt.ApplicantId, cancellation) ?? attempt;
    }

    /// <summary>Closes every attempt at <paramref name="assessmentId"/> whose deadline has passed, so a list of attempts shows their scores.</summary>
    public static async Task CloseExpiredAsync(CohortDbContext db, int assessmentId, DateTime now, CancellationToken cancellation)
    {
        var expired = await db.Set<Attempt>().Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(x => x!.Items)
            .Where(a => a.AssessmentId == assessmentId && a.ClosedAt == null && a.Deadline < now)
            .ToListAsync(cancellation);
        foreach (var attempt in expired)
        {
            attempt.CloseIfExpired(now, attempt.Assessment!.Items);
        }

        // When an applicant's own request closed one of them first, this saves nothing: it is closed either way.
        await db.TrySaveAsync(cancellation);
    }
}
