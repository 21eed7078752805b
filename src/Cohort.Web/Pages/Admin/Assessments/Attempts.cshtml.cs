using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>
/// Every attempt at one assessment with its state, automatic score, reviewed points and total. Attempts whose time ran
/// out are closed and scored first, so the scores shown are complete without any background job.
/// </summary>
public class AttemptsModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Attempt Attempt, string Applicant, AttemptScore Score);

    public Assessment Assessment { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>The most an attempt can score automatically; reviewers score the other items.</summary>
    public int MaxAutoScore => Assessment.Items.Where(i => i.IsScoredAutomatically).Sum(i => i.Points);

    public int MaxReviewedPoints => Assessment.Items.Where(i => !i.IsScoredAutomatically).Sum(i => i.Points);

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
        var attempts = db.Attempts.AsNoTracking().Where(a => a.AssessmentId == id);
        var rows = await attempts.Join(db.Users, a => a.ApplicantId, u => u.Id, (a, u) => new { Attempt = a, u.Email }).ToListAsync(cancellation);
        // Read after the rows, so an attempt started in between has a score here rather than a row without one.
        var scores = await AttemptScores.OfAsync(db, attempts, cancellation);
        Rows = rows.Select(x => new Row(x.Attempt, x.Email!, scores[x.Attempt.Id]))
            .OrderByDescending(r => r.Score.Total).ThenBy(r => r.Attempt.StartedAt)
            .ToList();
        return Page();
    }
}
