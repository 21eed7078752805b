using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;
using Cohort.Web.Pages.Shared;

namespace Cohort.Web.Pages.Mentor;

/// <summary>
/// The artifacts of the streams the mentor mentors, in every season they mentored them, those awaiting confirmation
/// first. Drafts are listed so the mentor sees what is coming, but only submitted and published ones can be confirmed.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class ArtifactsModel(CohortDbContext db, ConfirmArtifact confirm) : ArtifactConfirmation(db, confirm)
{
    protected override IQueryable<Artifact> Scope => ArtifactScope.OfMentor(Db, User.Id());

    public IEnumerable<ArtifactView> Awaiting => Artifacts.Where(a => a.ConfirmedAt is null && a.State != ArtifactState.Draft);

    public IEnumerable<ArtifactView> Others => Artifacts.Except(Awaiting);

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    protected override async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        Artifacts = await ArtifactViews.LoadAsync(Db, Scope, cancellation);
        return true;
    }
}
