using Cohort.Web.Hosting;

namespace Cohort.Web.Pages.Showcase;

/// <summary>
/// A public artifact's PDF. Only a public artifact's: the PDF of a draft or unconfirmed one answers 404 like the page.
/// Always a download (as every stored file is), so a crafted file never renders in the site's origin.
/// </summary>
public class PdfModel(CohortDbContext db, PublicOrigin origin) : PublicArtifact(db, origin)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        var file = await Core.Artifacts.Showcase.Public(Db).Where(a => a.Id == id && a.Pdf != null)
            .Select(a => new { a.Pdf!.Content, a.Pdf.FileName }).SingleOrDefaultAsync(cancellation);
        return file is null ? NotFound() : File(file.Content, "application/pdf", file.FileName);
    }
}
