using Cohort.Core.Archive;
using Cohort.Core.Exports;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Pages.Admin.Exports;

/// <summary>
/// /admin/exports: every export kind, each as CSV or JSON, identified or blind, for a season (the current one unless
/// another is chosen). The download runs through <see cref="Exporter"/>, as the CLI and the API do. The season's archive
/// (everything it holds, as `cohort export season` writes it) downloads here too; restoring one is the CLI's alone,
/// since it needs an empty database, which has no admin to sign in.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, Exporter exporter, ExportSeason archive) : PageModel
{
    public sealed record SeasonChoice(string Slug, string Name, bool IsCurrent);

    public IReadOnlyList<SeasonChoice> Seasons { get; private set; } = [];
    public IReadOnlyList<ExportKind> Kinds => exporter.Kinds;

    /// <summary>The season chosen, by slug; the current season when none is.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Season { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Seasons = await db.Seasons.AsNoTracking().OrderByDescending(s => s.ProgrammeStart)
            .Select(s => new SeasonChoice(s.Slug, s.Name, s.IsCurrent)).ToListAsync(cancellation);
        Season ??= Seasons.FirstOrDefault(s => s.IsCurrent)?.Slug ?? Seasons.FirstOrDefault()?.Slug;
    }

    public async Task<IActionResult> OnGetArchiveAsync(CancellationToken cancellation)
    {
        // Written whole before it is sent: an archive that failed half way must not reach the admin as a complete file.
        var body = new MemoryStream();
        if (await archive.WriteAsync(Season, body, cancellation) is not { } summary)
        {
            return NotFound("There is no such season to archive.");
        }

        audit.Record(User.AsActor(), "data.exported", "export:season-archive", $"season {summary.Season}, {summary.Rows} rows, {summary.Accounts} accounts");
        await db.SaveChangesAsync(cancellation);
        body.Position = 0;
        return File(body, "application/json", $"{summary.Season}-season-archive.json");
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? kind, string? format, string? view, CancellationToken cancellation)
    {
        var (chosenFormat, formatProblem) = ExportWords.Format(format);
        var (chosenView, viewProblem) = ExportWords.View(view);
        if ((formatProblem ?? viewProblem) is { } problem)
        {
            return BadRequest(problem);
        }

        var outcome = await exporter.RunAsync(User.AsActor(), kind ?? "", Season, chosenView, cancellation);
        if (outcome.Table is not { } table)
        {
            return NotFound(outcome.Refusal!);
        }

        var body = new MemoryStream();
        await ExportFile.WriteAsync(table, chosenFormat, body, cancellation);
        body.Position = 0;
        return File(body, ExportFile.ContentType(chosenFormat), ExportFile.Name(table.Heading, chosenFormat));
    }
}
