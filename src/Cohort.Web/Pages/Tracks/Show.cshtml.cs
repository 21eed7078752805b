using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Pages.Tracks;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class ShowModel(CohortDbContext db) : PageModel
{
    public Track Track { get; private set; } = null!;
    public List<ResearchStream> Streams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        var track = season is null ? null : await db.Tracks
            .Include(t => t.Stages.OrderBy(s => s.Position))
            .SingleOrDefaultAsync(t => t.SeasonId == season.Id && t.Slug == slug, cancellation);
        if (track is null)
        {
            return NotFound();
        }

        Track = track;
        Streams = await db.Streams.OfSeason(season!.Id).Where(s => s.TrackId == track.Id).ToListAsync(cancellation);
        return Page();
    }
}
