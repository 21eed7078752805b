namespace Cohort.Web.Pages.Streams;

[AllowAnonymous]
public class ShowModel(CohortDbContext db) : PageModel
{
    public ResearchStream Stream { get; private set; } = null!;

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
        return Page();
    }
}
