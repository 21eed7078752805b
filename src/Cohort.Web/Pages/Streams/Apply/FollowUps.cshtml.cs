using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Core.FollowUps;
using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Streams.Apply;

/// <summary>
/// A stream's follow-ups for one applicant: the interview (book, reschedule, cancel, calendar invite), the work
/// test and the stream's assessments, which are taken on the assessment pages. Only an applicant with a submitted application to the stream sees it; anyone else gets 404.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class FollowUpsModel(CohortDbContext db, TimeProvider clock, BookInterview book, CancelInterview cancel, SubmitWorkTest handIn) : PageModel
{
    public ResearchStream Stream { get; private set; } = null!;
    public StreamApplication Application { get; private set; } = null!;
    public List<InterviewSlot> Slots { get; private set; } = [];
    public InterviewSlot? Booking => Slots.SingleOrDefault(s => s.BookedById == Application.ApplicantId);
    public WorkTest? WorkTest { get; private set; }
    public WorkTestSubmission? Submission { get; private set; }
    public List<Pages.Assessments.IndexModel.Row> Assessments { get; private set; } = [];
    public DateTime Now { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostBookAsync(string slug, int slot, CancellationToken cancellation) =>
        RunAsync(slug, () => book.RunAsync(User.Id(), slot, cancellation), "Your interview is booked; a confirmation is on its way.", cancellation);

    public Task<IActionResult> OnPostCancelAsync(string slug, CancellationToken cancellation) =>
        RunAsync(slug, () => cancel.RunAsync(User.Id(), Stream.Id, cancellation), "Your interview was cancelled.", cancellation);

    public Task<IActionResult> OnPostWorkTestAsync(string slug, string? url, IFormFile? pdf, CancellationToken cancellation) =>
        RunAsync(slug, async () =>
        {
            await using var content = pdf is { Length: > 0 } ? pdf.OpenReadStream() : null;
            return await handIn.RunAsync(User.Id(), Stream.Id, new WorkTestAnswer(url, content), cancellation);
        }, "Your work test was handed in.", cancellation);

    private async Task<IActionResult> RunAsync(string slug, Func<Task<string?>> action, string notice, CancellationToken cancellation)
    {
        if (!await LoadAsync(slug, cancellation))
        {
            return NotFound();
        }

        Refusal = await action();
        if (Refusal is not null)
        {
            await LoadAsync(slug, cancellation);
            return Page();
        }

        TempData["Notice"] = notice;
        return RedirectToPage(new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellation)
    {
        var applicant = User.Id();
        db.ChangeTracker.Clear();
        var application = await db.StreamApplications.AsNoTracking().Include(a => a.Stream)
            .SingleOrDefaultAsync(a => a.ApplicantId == applicant && a.Stream!.Slug == slug && a.Stream.Track!.Season!.IsCurrent, cancellation);
        if (application is null || !application.IsUnderConsideration)
        {
            return false;
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Application = application;
        Stream = application.Stream!;
        Slots = await db.InterviewSlots.AsNoTracking()
            .Where(s => s.StreamId == Stream.Id && ((s.BookedById == null && s.StartsAt > Now) || s.BookedById == applicant))
            .OrderBy(s => s.StartsAt).ToListAsync(cancellation);
        WorkTest = await db.WorkTests.AsNoTracking().SingleOrDefaultAsync(t => t.StreamId == Stream.Id, cancellation);
        Submission = WorkTest is null ? null : await db.WorkTestSubmissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.WorkTestId == WorkTest.Id && s.ApplicantId == applicant, cancellation);
        var streamId = Stream.Id;
        Assessments = await Pages.Assessments.IndexModel.RowsAsync(db, applicant, Invitations.For(db, applicant).Where(a => a.StreamId == streamId), cancellation);
        return true;
    }
}
