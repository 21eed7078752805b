using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Assessments;

/// <summary>
/// One assessment for an invited applicant: the instructions and a Start button, then the items with the time left.
/// Everything is looked up by the signed-in applicant, never by an id from the form, so nobody reaches another's
/// attempt; an applicant who is not invited gets 404. Save works without JavaScript; the script autosaves.
/// </summary>
public sealed class ShowModel(CohortDbContext db, TimeProvider clock, UserManager<CohortUser> users) : PageModel
{
    public const string SubmitIntent = "submit";

    public Assessment Assessment { get; private set; } = null!;

    public Attempt? Attempt { get; private set; }

    public DateTime Now { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    private string ApplicantId => users.GetUserId(User)!;

    public static string FieldName(AssessmentItem item) => $"item-{item.Id}";

    public string? Saved(AssessmentItem item) => Attempt?.Answers.SingleOrDefault(a => a.ItemId == item.Id)?.Value;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        if (!await FindAsync(slug, cancellation))
        {
            return NotFound();
        }

        if (await Invitations.AttemptAsync(db, Assessment.Id, ApplicantId, cancellation) is { } attempt)
        {
            Attempt = await AttemptClosing.CloseIfExpiredAsync(db, attempt, Now, cancellation);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string slug, [FromServices] StartAttempt start, CancellationToken cancellation)
    {
        if (!await FindAsync(slug, cancellation))
        {
            return NotFound();
        }

        var outcome = await start.RunAsync(ApplicantId, Assessment.Id, cancellation);
        return Back(outcome.Refusal ?? $"Started: you have until {outcome.Attempt!.Deadline:HH:mm} UTC. Your answers are saved as you go.");
    }

    /// <summary>The Save and Hand in buttons: saves the answers, then hands the attempt in if that is what was asked.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string slug, string? intent, [FromServices] SaveAttemptAnswers save, [FromServices] SubmitAttempt submit, CancellationToken cancellation)
    {
        if (!await FindAsync(slug, cancellation))
        {
            return NotFound();
        }

        var saved = await save.RunAsync(ApplicantId, Assessment.Id, PostedAnswers(), cancellation);
        if (saved.Refusal is not null || intent != SubmitIntent)
        {
            return Back(saved.Refusal ?? SavedNotice(saved));
        }

        var submitted = await submit.RunAsync(ApplicantId, Assessment.Id, cancellation);
        return Back(submitted.Refusal ?? $"Handed in. Thank you: {Assessment.Title} is complete.");
    }

    /// <summary>The script's autosave: the same save, answered in JSON (saved time, or why not, and problems by field).</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string slug, [FromServices] SaveAttemptAnswers save, CancellationToken cancellation)
    {
        if (!await FindAsync(slug, cancellation))
        {
            return NotFound();
        }

        var saved = await save.RunAsync(ApplicantId, Assessment.Id, PostedAnswers(), cancellation);
        return saved.Refusal is { } refusal
            ? new JsonResult(new { refusal }) { StatusCode = StatusCodes.Status409Conflict }
            : new JsonResult(new
            {
                savedAt = DateTime.SpecifyKind(saved.Attempt!.UpdatedAt, DateTimeKind.Utc),
                problems = saved.Problems.ToDictionary(p => $"item-{p.ItemId}", p => p.Message),
            });
    }

    private static string SavedNotice(AttemptOutcome saved) =>
        $"Saved at {saved.Attempt!.UpdatedAt:HH:mm:ss} UTC." + string.Concat(saved.Problems.Select(p => " " + p.Message));

    /// <summary>Only fields named for this assessment's items are read: anything else posted (a score, a deadline) is ignored.</summary>
    private Dictionary<int, string> PostedAnswers() => Assessment.Items
        .Where(item => Request.Form.ContainsKey(FieldName(item)))
        .ToDictionary(item => item.Id, item => string.Join('\n', Request.Form[FieldName(item)].Select(v => v ?? "")));

    private IActionResult Back(string notice)
    {
        Notice = notice;
        return RedirectToPage("/Assessments/Show", new { slug = Assessment.Slug });
    }

    private async Task<bool> FindAsync(string slug, CancellationToken cancellation)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var season = await db.Seasons.CurrentAsync(cancellation);
        var found = await Invitations.For(db, ApplicantId).Include(a => a.Items).Include(a => a.Track)
            .SingleOrDefaultAsync(a => a.Slug == slug && a.Track!.SeasonId == (season == null ? 0 : season.Id), cancellation);
        Assessment = found!;
        return found is not null;
    }
}
