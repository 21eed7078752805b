using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Pages.Mentors;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class ShowModel(CohortDbContext db) : PageModel
{
    public Core.Catalogue.Mentor Mentor { get; private set; } = null!;
    public List<ResearchStream> Streams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        var mentor = season is null ? null : await db.Mentors.AsNoTracking().SingleOrDefaultAsync(m => m.SeasonId == season.Id && m.Slug == slug, cancellation);
        if (mentor is null)
        {
            return NotFound();
        }

        Mentor = mentor;
        Streams = await db.Streams.AsNoTracking().OfSeason(season!.Id).Where(s => s.Mentors.Any(m => m.MentorId == mentor.Id)).ToListAsync(cancellation);
        return Page();
    }
}
