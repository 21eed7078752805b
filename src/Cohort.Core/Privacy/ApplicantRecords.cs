using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Privacy;

/// <summary>Reads the download and the erasure share, so both reach the same records.</summary>
public static class ApplicantRecords
{
    public static Task<List<string>> RolesAsync(CohortDbContext db, string userId, CancellationToken cancellation) =>
        db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellation);

    /// <summary>Submitted reviews of the given applications: a stream round's subject is a stream application, any other round's a general application.</summary>
    public static IQueryable<ReviewSubmission> ReviewsOf(CohortDbContext db, IQueryable<int> applicationIds, IQueryable<int> streamApplicationIds) =>
        db.ReviewSubmissions.Where(s => db.ReviewAssignments.Any(a => a.Id == s.AssignmentId
            && (a.Round!.Stage == StageKind.Streams ? streamApplicationIds.Contains(a.SubjectId) : applicationIds.Contains(a.SubjectId))));
}
