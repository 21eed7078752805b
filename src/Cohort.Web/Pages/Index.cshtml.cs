using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class IndexModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    public Season? Season { get; private set; }
    public List<Track> Tracks { get; private set; } = [];
    public List<KeyDate> UpcomingDates { get; private set; } = [];
    public int StreamCount { get; private set; }
    public int MentorCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Season = await db.Seasons.CurrentAsync(cancellation);
        if (Season is null)
        {
            return;
        }

        Tracks = await db.Tracks.Where(t => t.SeasonId == Season.Id).Include(t => t.Streams).OrderBy(t => t.Id).ToListAsync(cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        var dates = await db.KeyDates.Where(d => d.SeasonId == Season.Id).OrderBy(d => d.At).ToListAsync(cancellation);
        // Before the season starts every date is upcoming; after it ends, show the last few rather than nothing.
        UpcomingDates = dates.Where(d => d.At >= now).Take(4).ToList() is { Count: > 0 } upcoming ? upcoming : dates.TakeLast(4).ToList();
        PublicPageCache.ChangesAt(HttpContext, dates.FirstOrDefault(d => d.At >= now)?.At);
        StreamCount = Tracks.Sum(t => t.Streams.Count);
        MentorCount = await db.Mentors.CountAsync(m => m.SeasonId == Season.Id, cancellation);
    }
}
