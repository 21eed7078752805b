using Cohort.Core.Artifacts;
using Cohort.Web.Pages.Shared;

namespace Cohort.Web.Pages.Admin.Artifacts;

/// <summary>Every artifact of a season (the latest with any by default), for admins to read and to confirm or take back a confirmation.</summary>
public class IndexModel(CohortDbContext db, ConfirmArtifact confirm) : ArtifactConfirmation(db, confirm)
{
    [BindProperty(SupportsGet = true)]
    public string? Season { get; set; }

    public List<(string Slug, string Name)> Seasons { get; private set; } = [];

    public string? SeasonName { get; private set; }

    protected override IQueryable<Artifact> Scope => Db.Artifacts;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    protected override async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        var seasons = await Db.Seasons.AsNoTracking().Where(s => Db.Artifacts.Any(a => a.SeasonId == s.Id)).OrderByDescending(s => s.ProgrammeStart)
            .Select(s => new { s.Id, s.Slug, s.Name }).ToListAsync(cancellation);
        Seasons = seasons.Select(s => (s.Slug, s.Name)).ToList();
        var chosen = Season is null ? seasons.FirstOrDefault() : seasons.SingleOrDefault(s => s.Slug == Season);
        if (chosen is null)
        {
            // No artifact yet is an empty list; an unknown season in the address is a page that does not exist.
            return Season is null;
        }

        SeasonName = chosen.Name;
        Artifacts = await ArtifactViews.LoadAsync(Db, Db.Artifacts.Where(a => a.SeasonId == chosen.Id), cancellation);
        return true;
    }
}
