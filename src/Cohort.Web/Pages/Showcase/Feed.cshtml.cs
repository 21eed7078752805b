using Cohort.Core.Artifacts;
using Cohort.Web.Hosting;

namespace Cohort.Web.Pages.Showcase;

/// <summary>The showcase's Atom feed: every public artifact, its links absolute from the configured public origin.</summary>
[AllowAnonymous]
public class FeedModel(CohortDbContext db, PublicOrigin origin, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var artifacts = await ArtifactViews.LoadAsync(db, Core.Artifacts.Showcase.Public(db), cancellation);
        var feed = ShowcaseFeed.Of(artifacts, origin.Link, "Cohort showcase", clock.GetUtcNow().UtcDateTime);
        return Content(feed.Declaration + "\n" + feed.ToString(), ShowcaseFeed.ContentType);
    }
}
