namespace Cohort.Web.Pages.Admin.Streams;

public class IndexModel(CohortDbContext db) : PageModel
{
    public List<ResearchStream> Streams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is not null)
        {
            Streams = await db.Streams.AsNoTracking().OfSeason(season.Id).ToListAsync(cancellation);
        }
    }
}
