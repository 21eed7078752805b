using Microsoft.AspNetCore.OutputCaching;

namespace Cohort.Web.Pages;

/// <summary>Base of the public pages that show one part of the current season (FAQ, key dates, eligibility).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public abstract class SeasonPage(CohortDbContext db) : PageModel
{
    protected CohortDbContext Db { get; } = db;
    public Season? Season { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (Season is not null)
        {
            await LoadAsync(Season, cancellation);
        }
    }

    protected virtual Task LoadAsync(Season season, CancellationToken cancellation) => Task.CompletedTask;
}

public class FaqModel(CohortDbContext db) : SeasonPage(db)
{
    public List<FaqEntry> Entries { get; private set; } = [];

    protected override async Task LoadAsync(Season season, CancellationToken cancellation) =>
        Entries = await Db.Faq.Where(f => f.SeasonId == season.Id).OrderBy(f => f.Position).ToListAsync(cancellation);
}

public class DatesModel(CohortDbContext db) : SeasonPage(db)
{
    public List<KeyDate> Dates { get; private set; } = [];

    protected override async Task LoadAsync(Season season, CancellationToken cancellation) =>
        Dates = await Db.KeyDates.Where(d => d.SeasonId == season.Id).OrderBy(d => d.At).ToListAsync(cancellation);
}

public class EligibilityModel(CohortDbContext db) : SeasonPage(db);
