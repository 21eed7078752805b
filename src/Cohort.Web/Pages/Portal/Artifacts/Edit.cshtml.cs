using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;

namespace Cohort.Web.Pages.Portal.Artifacts;

/// <summary>
/// A fellow author edits an artifact, or downloads its PDF. Any fellow of the byline may; for anyone else the artifact
/// does not exist (404).
/// </summary>
public class EditModel(CohortDbContext db, EditArtifact edit) : ArtifactFormPage(db)
{
    public string Heading { get; private set; } = "";

    public bool IsConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        var artifact = await MineAsync(id, cancellation);
        if (artifact is null)
        {
            return NotFound();
        }

        Input = ArtifactForm.From(artifact);
        Input.AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken cancellation)
    {
        var file = await ArtifactScope.OfFellow(Db, User.Id()).Where(a => a.Id == id && a.Pdf != null)
            .Select(a => new { a.Pdf!.Content, a.Pdf.FileName }).SingleOrDefaultAsync(cancellation);
        return file is null ? NotFound() : File(file.Content, "application/pdf", file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        if (await MineAsync(id, cancellation) is null)
        {
            return NotFound();
        }

        return await SaveAsync(input => edit.RunAsync(User.AsActor(), id, input, cancellation), "saved") ?? Page();
    }

    /// <summary>The fellow's artifact as it is now, with the form's lists of its season; null when it is not theirs.</summary>
    private async Task<ArtifactView?> MineAsync(int id, CancellationToken cancellation)
    {
        var artifact = await ArtifactViews.OneAsync(Db, ArtifactScope.OfFellow(Db, User.Id()), id, cancellation);
        if (artifact is not null)
        {
            Heading = artifact.Title;
            IsConfirmed = artifact.ConfirmedAt is not null;
            PdfName = artifact.PdfFileId is null ? null : await Db.StoredFiles.Where(f => f.Id == artifact.PdfFileId).Select(f => f.FileName).SingleAsync(cancellation);
            await LoadPeopleAsync(artifact.SeasonId, cancellation);
        }

        return artifact;
    }
}
