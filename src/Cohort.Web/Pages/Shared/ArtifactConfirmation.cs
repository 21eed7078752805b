using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;

namespace Cohort.Web.Pages.Shared;

/// <summary>
/// Base of the pages where mentors (their streams' artifacts) and admins (all of a season's) confirm artifacts or take a
/// confirmation back. Core decides who may: a post about an artifact outside the reader's scope is refused, not obeyed.
/// </summary>
public abstract class ArtifactConfirmation(CohortDbContext db, ConfirmArtifact confirm) : PageModel
{
    protected CohortDbContext Db { get; } = db;

    public List<ArtifactView> Artifacts { get; protected set; } = [];

    public string? Refusal { get; private set; }

    /// <summary>The artifacts this reader may confirm, newest first.</summary>
    protected abstract IQueryable<Artifact> Scope { get; }

    /// <summary>Loads the page's artifacts; false when there is nothing for this reader (404).</summary>
    protected abstract Task<bool> LoadAsync(CancellationToken cancellation);

    public Task<IActionResult> OnPostConfirmAsync(int id, int version, CancellationToken cancellation) => ChangeAsync(id, version, true, cancellation);

    public Task<IActionResult> OnPostUnconfirmAsync(int id, int version, CancellationToken cancellation) => ChangeAsync(id, version, false, cancellation);

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken cancellation)
    {
        var file = await Scope.Where(a => a.Id == id && a.Pdf != null).Select(a => new { a.Pdf!.Content, a.Pdf.FileName }).SingleOrDefaultAsync(cancellation);
        return file is null ? NotFound() : File(file.Content, "application/pdf", file.FileName);
    }

    private async Task<IActionResult> ChangeAsync(int id, int version, bool confirmIt, CancellationToken cancellation)
    {
        Refusal = await confirm.RunAsync(User.AsActor(), id, version, confirmIt, cancellation);
        if (Refusal is null)
        {
            TempData["Notice"] = confirmIt ? "The artifact is confirmed." : "The confirmation was taken back: the artifact is off the showcase.";
            return RedirectToPage(new { season = Request.Query["season"].ToString() is { Length: > 0 } s ? s : null });
        }

        return await LoadAsync(cancellation) ? Page() : NotFound();
    }
}
