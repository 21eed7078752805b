using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;

namespace Cohort.Web.Pages.Portal.Artifacts;

/// <summary>A fellow's artifacts: those whose byline names them, in every season they were a fellow. Anyone else gets 404.</summary>
[Authorize(Roles = Roles.Applicant)]
public class IndexModel(CohortDbContext db) : PageModel
{
    public List<ArtifactView> Artifacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var me = User.Id();
        if (!await db.Fellowships.AnyAsync(f => f.ApplicantId == me, cancellation))
        {
            return NotFound();
        }

        Artifacts = await ArtifactViews.LoadAsync(db, ArtifactScope.OfFellow(db, me), cancellation);
        return Page();
    }
}
