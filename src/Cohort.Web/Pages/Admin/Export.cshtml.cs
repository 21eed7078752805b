using System.Text;
using Cohort.Core.Catalogue.Transfer;

namespace Cohort.Web.Pages.Admin;

/// <summary>Downloads the current season's catalogue: ?format=json (everything) or ?format=csv (its streams).</summary>
public class ExportModel(ExportCatalogue export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellation)
    {
        if (format is not ("json" or "csv"))
        {
            return BadRequest("Ask for format=json or format=csv.");
        }

        var document = await export.CurrentSeasonAsync(cancellation);
        if (document is null)
        {
            return NotFound("There is no season to export.");
        }

        var name = $"{document.Season!.Slug}-catalogue";
        return format == "json"
            ? File(Encoding.UTF8.GetBytes(CatalogueJson.Write(document)), "application/json", $"{name}.json")
            : File(Encoding.UTF8.GetBytes(CatalogueCsv.WriteStreams(document.Streams)), "text/csv; charset=utf-8", $"{name}-streams.csv");
    }
}
