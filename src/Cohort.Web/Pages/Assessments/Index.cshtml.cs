using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Assessments;

/// <summary>The stage 2 assessments the signed-in applicant is invited to, each with where they stand and their deadline.</summary>
public sealed class IndexModel(CohortDbContext db, TimeProvider clock, UserManager<CohortUser> users) : PageModel
{
    public sealed record Row(Assessment Assessment, Attempt? Attempt);

    public List<Row> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var applicantId = users.GetUserId(User)!;
        var assessments = await Invitations.For(db, applicantId).AsNoTracking().Include(a => a.Track)
            .OrderBy(a => a.ClosesAt).ThenBy(a => a.Title).ToListAsync(cancellation);
        var ids = assessments.Select(a => a.Id).ToList();
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.ApplicantId == applicantId && ids.Contains(a.AssessmentId)).ToListAsync(cancellation);
        Rows = assessments.Select(a => new Row(a, attempts.SingleOrDefault(t => t.AssessmentId == a.Id))).ToList();
    }
}
