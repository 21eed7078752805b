using Cohort.Core.Accounts;
using Cohort.Core.FollowUps;
using Cohort.Core.StreamApplications;
using Cohort.Web.Applications;

namespace Cohort.Web.Pages.Mentoring;

/// <summary>
/// One application to one of the mentor's streams: the answers that stream asks for (shared and its own), the
/// interview booking and the work test. An application to any other stream answers 404, as does a draft.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class ApplicationModel(CohortDbContext db) : PageModel
{
    public sealed record AnswerRow(StreamQuestion Question, string? Value);

    public StreamApplication Application { get; private set; } = null!;
    public string ApplicantName { get; private set; } = "";
    public List<AnswerRow> Answers { get; private set; } = [];
    public InterviewSlot? Interview { get; private set; }
    public WorkTestSubmission? WorkTest { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (await FindAsync(id, cancellation) is not { } application)
        {
            return NotFound();
        }

        Application = application;
        ApplicantName = await db.Users.Where(u => u.Id == application.ApplicantId).Select(u => u.DisplayName).SingleAsync(cancellation);
        var answers = await StreamQuestions.AnswersAsync(db, application.ApplicantId, cancellation);
        Answers = (await StreamQuestions.AskedByAsync(db, [application.StreamId], cancellation))
            .Select(q => new AnswerRow(q, answers.GetValueOrDefault(q.Id))).ToList();
        Interview = await db.InterviewSlots.AsNoTracking().SingleOrDefaultAsync(s => s.StreamId == application.StreamId && s.BookedById == application.ApplicantId, cancellation);
        WorkTest = await SubmissionsTo(application).SingleOrDefaultAsync(cancellation);
        return Page();
    }

    /// <summary>The applicant's work-test PDF, as a download, to the mentors of the stream only.</summary>
    public async Task<IActionResult> OnGetWorkTestFileAsync(int id, CancellationToken cancellation)
    {
        var file = await FindAsync(id, cancellation) is { } application
            ? await SubmissionsTo(application).Where(s => s.File != null).Select(s => s.File).SingleOrDefaultAsync(cancellation)
            : null;
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private Task<StreamApplication?> FindAsync(int id, CancellationToken cancellation) =>
        MentorStreams.ApplicationsFor(db, UserId.Of(User)).AsNoTracking().Include(a => a.Stream).SingleOrDefaultAsync(a => a.Id == id, cancellation);

    private IQueryable<WorkTestSubmission> SubmissionsTo(StreamApplication application) =>
        db.WorkTestSubmissions.AsNoTracking().Where(s => s.ApplicantId == application.ApplicantId && db.WorkTests.Any(t => t.Id == s.WorkTestId && t.StreamId == application.StreamId));
}
