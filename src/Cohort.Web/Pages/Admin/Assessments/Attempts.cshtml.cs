using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>
/// Every attempt at one assessment with its state and automatic score. Attempts whose time ran out are closed and
/// scored first, so the scores shown are complete without any background job.
/// </summary>
public class AttemptsModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Attempt Attempt, string Applicant);

    public Assessment Assessment { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>The most an attempt can score automatically; reviewers score the other items.</summary>
    public int MaxAutoScore => Assessment.Items.Where(i => i.IsScoredAutomatically).Sum(i => i.Points);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        var found = await db.Assessments.AsNoTracking().Include(a => a.Items)
            .SingleOrDefaultAsync(a => a.Id == id && a.Track!.SeasonId == (season == null ? 0 : season.Id), cancellation);
        if (found is null)
        {
            return NotFound();
        }

        Assessment = found;
        Now = clock.GetUtcNow().UtcDateTime;
        await AttemptClosing.CloseExpiredAsync(db, id, Now, cancellation);
        Rows = await db.Attempts.AsNoTracking().Where(a => a.AssessmentId == id)
            .OrderByDescending(a => a.AutoScore).ThenBy(a => a.StartedAt)
            .Join(db.Users, a => a.ApplicantId, u => u.Id, (a, u) => new Row(a, u.Email!))
            .ToListAsync(cancellation);
        return Page();
    }
}
