using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>The current season's assessments (stage 2, and streams' follow-ups), by track, with their items and how many applicants started each.</summary>
public class IndexModel(CohortDbContext db) : PageModel
{
    public sealed record Row(Assessment Assessment, int Attempts);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        var seasonId = season?.Id ?? 0;
        Rows = await db.Assessments.AsNoTracking().Include(a => a.Track).Include(a => a.Stream).Include(a => a.Items.OrderBy(i => i.Position))
            .Where(a => a.Track!.SeasonId == seasonId)
            .OrderBy(a => a.Track!.Name).ThenBy(a => a.OpensAt).ThenBy(a => a.Title)
            .Select(a => new Row(a, db.Attempts.Count(t => t.AssessmentId == a.Id)))
            .ToListAsync(cancellation);
    }
}
