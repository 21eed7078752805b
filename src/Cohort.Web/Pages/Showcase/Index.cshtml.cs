using Cohort.Core.Artifacts;

namespace Cohort.Web.Pages.Showcase;

/// <summary>
/// The public showcase: every public artifact (<see cref="Core.Artifacts.Showcase.Public"/>), filtered by season,
/// stream and kind through a plain GET form, so a filtered list is a shareable address and works without JavaScript.
/// Not output-cached: a confirmation taken back must take the artifact off at once.
/// </summary>
[AllowAnonymous]
public class IndexModel(CohortDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Season { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stream { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public List<ArtifactView> Artifacts { get; private set; } = [];

    /// <summary>The filters' choices: only seasons and streams with something public, so no choice leads to an empty page.</summary>
    public List<(string Slug, string Name)> Seasons { get; private set; } = [];
    public List<(string Slug, string Name)> Streams { get; private set; } = [];

    public bool IsFiltered => Season is not null || Stream is not null || Kind is not null;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var visible = Core.Artifacts.Showcase.Public(db);
        Seasons = (await db.Seasons.AsNoTracking().Where(s => visible.Any(a => a.SeasonId == s.Id)).OrderByDescending(s => s.ProgrammeStart)
            .Select(s => new { s.Slug, s.Name }).ToListAsync(cancellation)).Select(s => (s.Slug, s.Name)).ToList();
        Streams = (await db.Streams.AsNoTracking().Where(s => visible.Any(a => a.StreamId == s.Id)).Select(s => new { s.Slug, s.Name }).ToListAsync(cancellation))
            .DistinctBy(s => s.Slug).OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => (s.Slug, s.Name)).ToList();

        var kind = ArtifactWords.FromSlug(Kind);
        // A kind the address names but the showcase does not know matches nothing, rather than silently everything.
        Artifacts = Kind is not null && kind is null ? []
            : await ArtifactViews.LoadAsync(db, Core.Artifacts.Showcase.Filtered(db, Season, Stream, kind), cancellation);
    }
}
