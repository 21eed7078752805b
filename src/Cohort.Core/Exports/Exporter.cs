using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Exports;

/// <summary>An export made, or why not, in one line for people.</summary>
public sealed record ExportOutcome(ExportTable? Table, string? Refusal);

/// <summary>
/// Runs any registered <see cref="ExportKind"/> for a season named by slug (the current season when none is named)
/// and gives it its heading: the one path the admin page, <c>cohort export KIND</c> and <c>GET /api/v1/exports/KIND</c>
/// take, so the three write the same file. Each export is in the audit log with who made it and which view: a file of
/// applicants' data that leaves Cohort is access to personal data, and an operator must be able to say who took it.
/// </summary>
public sealed class Exporter(CohortDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<ExportKind> kinds)
{
    /// <summary>Every kind, in the order they were registered (the order the admin page lists them).</summary>
    public IReadOnlyList<ExportKind> Kinds { get; } = kinds.ToList();

    public ExportKind? Find(string name) => Kinds.FirstOrDefault(k => k.Name == name);

    /// <summary>The kind named <paramref name="kindName"/> for <paramref name="seasonSlug"/>'s season, or a refusal naming what is wrong.</summary>
    /// <param name="overApi">The file leaves through <c>/api/v1</c> (<see cref="ExportRequest.OverApi"/>).</param>
    public async Task<ExportOutcome> RunAsync(Actor actor, string kindName, string? seasonSlug, ExportView view, CancellationToken cancellation, bool overApi = false)
    {
        if (Find(kindName) is not { } kind)
        {
            return new(null, $"Unknown export \"{kindName}\": the exports are {string.Join(", ", Kinds.Select(k => k.Name))}.");
        }

        var season = await db.Seasons.AsNoTracking().NamedOrCurrentAsync(seasonSlug, cancellation);
        if (season is null)
        {
            return new(null, string.IsNullOrWhiteSpace(seasonSlug) ? "There is no season to export." : $"There is no season \"{seasonSlug}\".");
        }

        var hidden = view == ExportView.Blind ? Hidden(await BlindApplication.SettingsAsync(db, season.Id, cancellation)) : [];
        var heading = new ExportHeading(kind.Name, season.Slug, clock.GetUtcNow().UtcDateTime, view, hidden);
        var rows = await kind.BuildAsync(new ExportRequest(season.Id, view, OverApi: overApi), cancellation);
        audit.Record(actor, "data.exported", $"export:{kind.Name}", $"season {season.Slug}, {ExportWords.Name(view)}, {rows.Rows.Count} rows");
        await db.SaveChangesAsync(cancellation);
        return new(new ExportTable(heading, rows), null);
    }

    /// <summary>
    /// What the blind view hides under <paramref name="settings"/>: the kinds of identity in the words the promise to
    /// applicants uses (<see cref="BlindPromise.HiddenKinds"/>), the CV when withheld, and further hidden questions by key.
    /// </summary>
    public static IReadOnlyList<string> Hidden(BlindSettings settings) =>
    [
        .. BlindPromise.HiddenKinds(settings).Select(kind => kind.Replace("your ", "", StringComparison.Ordinal)),
        .. settings.HideCv ? ["CV"] : settings.HideCvFileName ? ["CV file name"] : Array.Empty<string>(),
        .. settings.HiddenQuestionKeys.Select(key => $"question {key}"),
    ];
}
