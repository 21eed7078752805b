using System.ComponentModel.DataAnnotations;
using Cohort.Core.Catalogue.Transfer;

namespace Cohort.Web.Pages.Admin;

/// <summary>
/// Uploads a catalogue file: JSON (the whole season) or CSV (streams only), told apart by the file's extension.
/// The import checks everything before writing anything, so a file with problems changes nothing.
/// </summary>
public class ImportModel(CohortDbContext db, AuditLog audit, ImportCatalogue import) : AuditedPage(db, audit)
{
    [BindProperty, Required(ErrorMessage = "Choose a JSON or CSV file to import."), Display(Name = "Catalogue file")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload is not null && extension is not (".json" or ".csv"))
        {
            ModelState.AddModelError(nameof(Upload), "The file's name must end in .json (a whole catalogue) or .csv (streams).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var reader = new StreamReader(Upload!.OpenReadStream());
        var text = await reader.ReadToEndAsync(cancellation);
        var outcome = extension == ".json"
            ? await import.FromJsonAsync(text, User.AsActor(), cancellation)
            : await import.FromCsvAsync(text, User.AsActor(), cancellation);
        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            return Page();
        }

        return RedirectWithNotice($"Imported {Upload.FileName}: {outcome.Summary}.", "/Admin/Import");
    }
}
