using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Pages.Streams;

/// <summary>The stream list with filters. Filters are query parameters of a GET form, so a filtered list is a shareable URL and works without JavaScript.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["topic", "location", "mentor"])]
public class IndexModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Location { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mentor { get; set; }

    public List<ResearchStream> Streams { get; private set; } = [];

    /// <summary>How the reader applies from here, with the deadline that applies to them; null for staff.</summary>
    public ApplyCallToAction? CallToAction { get; private set; }
    public List<string> Topics { get; private set; } = [];
    public List<string> Locations { get; private set; } = [];
    public List<Core.Catalogue.Mentor> Mentors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return;
        }

        CallToAction = await ApplyCallToAction.ForAsync(db, User, null, clock.GetUtcNow().UtcDateTime, cancellation);
        PublicPageCache.ChangesAt(HttpContext, CallToAction?.ChangesAt);

        // A season has at most a few dozen streams: load them once and filter in memory, so every filter sees the same rows.
        var all = await db.Streams.AsNoTracking().OfSeason(season.Id).ToListAsync(cancellation);
        Topics = all.Select(s => s.Topic).Distinct().Order().ToList();
        Locations = all.Select(s => s.LocationLabel).Distinct().Order().ToList();
        Mentors = all.SelectMany(s => s.Mentors.Select(m => m.Mentor!)).DistinctBy(m => m.Slug).OrderBy(m => m.Name).ToList();
        Streams = all
            .Where(s => string.IsNullOrEmpty(Topic) || s.Topic == Topic)
            .Where(s => string.IsNullOrEmpty(Location) || s.LocationLabel == Location)
            .Where(s => string.IsNullOrEmpty(Mentor) || s.Mentors.Any(m => m.Mentor!.Slug == Mentor))
            .ToList();
    }
}
