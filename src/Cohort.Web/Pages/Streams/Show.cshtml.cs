using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Pages.Streams;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class ShowModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    public ResearchStream Stream { get; private set; } = null!;

    /// <summary>How the reader applies to this stream from here, with the deadline that applies to them; null for staff.</summary>
    public ApplyCallToAction? CallToAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        var stream = season is null ? null : await db.Streams.AsNoTracking().OfSeason(season.Id)
            .SingleOrDefaultAsync(s => s.Slug == slug, cancellation);
        if (stream is null)
        {
            return NotFound();
        }

        Stream = stream;
        CallToAction = await ApplyCallToAction.ForAsync(db, User, stream, clock.GetUtcNow().UtcDateTime, cancellation);
        PublicPageCache.ChangesAt(HttpContext, CallToAction?.ChangesAt);
        return Page();
    }
}
