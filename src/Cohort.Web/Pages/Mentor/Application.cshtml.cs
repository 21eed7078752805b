using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Core.FollowUps;
using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Mentor;

/// <summary>
/// One application to one of the mentor's streams: the answers that stream asks for (shared and its own), the
/// interview booking, the work test and the attempts at the stream's assessments. An application to any other
/// stream answers 404, as does a draft.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class ApplicationModel(CohortDbContext db, TimeProvider clock) : PageModel
{
    public sealed record AnswerRow(StreamQuestion Question, string? Value);

    /// <summary>One of the stream's assessments and the applicant's attempt at it, if they started one.</summary>
    public sealed record AssessmentRow(Assessment Assessment, Attempt? Attempt)
    {
        /// <summary>The most an attempt can score automatically; the other items are for the mentors to judge.</summary>
        public int MaxAutoScore => Assessment.Items.Where(i => i.IsScoredAutomatically).Sum(i => i.Points);

        public string? Answer(AssessmentItem item) => Attempt?.Answers.SingleOrDefault(a => a.ItemId == item.Id)?.Value;
    }

    public StreamApplication Application { get; private set; } = null!;
    public string ApplicantName { get; private set; } = "";
    public List<AnswerRow> Answers { get; private set; } = [];
    public InterviewSlot? Interview { get; private set; }
    public WorkTestSubmission? WorkTest { get; private set; }
    public List<AssessmentRow> Assessments { get; private set; } = [];

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
        Assessments = await AssessmentsAsync(application, cancellation);
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

        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The stream's assessments with the applicant's attempts, closed and scored first where their time ran out.</summary>
    private async Task<List<AssessmentRow>> AssessmentsAsync(StreamApplication application, CancellationToken cancellation)
    {
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Items.OrderBy(i => i.Position))
            .Where(a => a.StreamId == application.StreamId).OrderBy(a => a.OpensAt).ToListAsync(cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var assessment in assessments)
        {
            await AttemptClosing.CloseExpiredAsync(db, assessment.Id, now, cancellation);
        }

        var ids = assessments.Select(a => a.Id).ToList();
        var attempts = await db.Attempts.AsNoTracking().Include(a => a.Answers)
            .Where(a => a.ApplicantId == application.ApplicantId && ids.Contains(a.AssessmentId)).ToListAsync(cancellation);
        return assessments.Select(a => new AssessmentRow(a, attempts.SingleOrDefault(t => t.AssessmentId == a.Id))).ToList();
    }

    private Task<StreamApplication?> FindAsync(int id, CancellationToken cancellation) =>
        MentorStreams.ApplicationsFor(db, User.Id()).AsNoTracking().Include(a => a.Stream).SingleOrDefaultAsync(a => a.Id == id, cancellation);

    private IQueryable<WorkTestSubmission> SubmissionsTo(StreamApplication application) =>
        db.WorkTestSubmissions.AsNoTracking().Where(s => s.ApplicantId == application.ApplicantId && db.WorkTests.Any(t => t.Id == s.WorkTestId && t.StreamId == application.StreamId));
}
