using Cohort.Web.Hosting;

namespace Cohort.Web.Pages.Showcase;

/// <summary>
/// A public artifact's stable page, <c>/showcase/{id}</c>; a readable slug may follow the id and is ignored, so an
/// address stays valid when the title changes. Its head carries Highwire Press <c>citation_*</c> tags for Google
/// Scholar and reference managers.
/// </summary>
public class ArtifactModel(CohortDbContext db, PublicOrigin origin) : PublicArtifact(db, origin)
{
    public string Bibtex { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (!await FindAsync(id, cancellation))
        {
            return NotFound();
        }

        Bibtex = Core.Artifacts.ArtifactBibtex.Of(Artifact, Address);
        return Page();
    }
}
