namespace Cohort.Web.Pages.Admin.Mentors;

public class IndexModel(CohortDbContext db) : PageModel
{
    public sealed record Row(Mentor Mentor, string? AccountEmail, int Streams);

    public List<Row> Mentors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is not null)
        {
            Mentors = await db.Mentors.AsNoTracking().Where(m => m.SeasonId == season.Id).OrderBy(m => m.Name)
                .Select(m => new Row(m, db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(), m.Streams.Count))
                .ToListAsync(cancellation);
        }
    }
}
