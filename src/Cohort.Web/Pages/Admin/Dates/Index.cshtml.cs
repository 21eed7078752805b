namespace Cohort.Web.Pages.Admin.Dates;

public class IndexModel(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    public List<KeyDate> Dates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        if (season is not null)
        {
            Dates = await Db.KeyDates.AsNoTracking().Where(d => d.SeasonId == season.Id).OrderBy(d => d.At).ToListAsync(cancellation);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        var date = season is null ? null : await Db.KeyDates.SingleOrDefaultAsync(d => d.Id == id && d.SeasonId == season.Id, cancellation);
        if (date is null)
        {
            return NotFound();
        }

        Db.KeyDates.Remove(date);
        await SaveAsync("keydate.deleted", $"keydate:{date.Title}", $"was {date.At:yyyy-MM-dd HH:mm} UTC", cancellation);
        return RedirectWithNotice($"Deleted the key date “{date.Title}”.", "/Admin/Dates/Index");
    }
}
