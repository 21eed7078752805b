using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Rubrics;

/// <summary>The current season's rubrics, with how many criteria each has and how many review rounds use it.</summary>
public class IndexModel(CohortDbContext db, AuditLog audit) : AuditedPage(db, audit)
{
    public sealed record RubricRow(Rubric Rubric, int Rounds);

    public List<RubricRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        Rows = season is null ? [] : await Db.Rubrics.AsNoTracking().Include(r => r.Criteria).Where(r => r.SeasonId == season.Id).OrderBy(r => r.Name)
            .Select(r => new RubricRow(r, Db.ReviewRounds.Count(round => round.RubricId == r.Id))).ToListAsync(cancellation);
    }
}
