using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>The current season's reviewer pool: who reviews, what they know, how much they take on, their declared conflicts.</summary>
public class IndexModel(CohortDbContext db) : PageModel
{
    public sealed record Row(ReviewerProfile Profile, string Name, string Email, int Conflicts);

    public List<Row> Reviewers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is not null)
        {
            var rows = await db.ReviewerProfiles.AsNoTracking().Where(p => p.SeasonId == season.Id)
                .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new Row(p, u.DisplayName, u.Email ?? "", p.Conflicts.Count))
                .ToListAsync(cancellation);
            Reviewers = rows.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
