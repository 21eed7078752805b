using Cohort.Core.Artifacts;
using Cohort.Web.Hosting;

namespace Cohort.Web.Pages.Showcase;

/// <summary>
/// Base of the showcase's pages about one artifact (its page, BibTeX, PDF): the artifact is read through the public
/// rule only, so a draft, an unconfirmed or a private artifact answers 404 here whoever asks, even its authors.
/// </summary>
[AllowAnonymous]
public abstract class PublicArtifact(CohortDbContext db, PublicOrigin origin) : PageModel
{
    protected CohortDbContext Db { get; } = db;

    public ArtifactView Artifact { get; private set; } = null!;

    /// <summary>The artifact's stable absolute address, from the configured public origin.</summary>
    public string Address => origin.Link($"/showcase/{Artifact.Id}");

    public string BibtexAddress => origin.Link($"/showcase/{Artifact.Id}.bib");

    public string PdfAddress => origin.Link($"/showcase/{Artifact.Id}.pdf");

    protected async Task<bool> FindAsync(int id, CancellationToken cancellation)
    {
        var artifact = await ArtifactViews.OneAsync(Db, Core.Artifacts.Showcase.Public(Db), id, cancellation);
        Artifact = artifact!;
        return artifact is not null;
    }
}
