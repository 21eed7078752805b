using System.Text;
using Cohort.Core.Artifacts;
using Cohort.Web.Hosting;

namespace Cohort.Web.Pages.Showcase;

/// <summary>A public artifact's BibTeX entry, as a .bib download named by its citation key.</summary>
public class BibtexModel(CohortDbContext db, PublicOrigin origin) : PublicArtifact(db, origin)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await FindAsync(id, cancellation)
            ? File(Encoding.UTF8.GetBytes(ArtifactBibtex.Of(Artifact, Address)), "application/x-bibtex; charset=utf-8", ArtifactBibtex.Key(Artifact) + ".bib")
            : NotFound();
}
