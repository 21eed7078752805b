using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Assessments;

/// <summary>
/// The assessments the signed-in applicant is invited to (stage 2, and the follow-ups of streams considering them),
/// each with where they stand and their deadline.
/// </summary>
public sealed class IndexModel(CohortDbContext db, TimeProvider clock, UserManager<CohortUser> users) : PageModel
{
    public sealed record Row(Assessment Assessment, Attempt? Attempt);

    public List<Row> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var applicantId = users.GetUserId(User)!;
        Rows = await RowsAsync(db, applicantId, Invitations.For(db, applicantId), cancellation);
    }

    /// <summary>The <paramref name="assessments"/> (already narrowed to the applicant's invitations), soonest closing first, each with the applicant's attempt.</summary>
    public static async Task<List<Row>> RowsAsync(CohortDbContext db, string applicantId, IQueryable<Assessment> assessments, CancellationToken cancellation)
    {
        var found = await assessments.AsNoTracking().Include(a => a.Track).Include(a => a.Stream)
            .OrderBy(a => a.ClosesAt).ThenBy(a => a.Title).ToListAsync(cancellation);
        var ids = found.Select(a => a.Id).ToList();
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.ApplicantId == applicantId && ids.Contains(a.AssessmentId)).ToListAsync(cancellation);
        return found.Select(a => new Row(a, attempts.SingleOrDefault(t => t.AssessmentId == a.Id))).ToList();
    }
}
