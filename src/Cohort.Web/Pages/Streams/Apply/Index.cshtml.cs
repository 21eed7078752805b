using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Portal;
using Cohort.Core.StreamApplications;
using Cohort.Web.Pages.Apply;

namespace Cohort.Web.Pages.Streams.Apply;

/// <summary>
/// Stage 3: the applicant chooses streams, answers their questions (a question several chosen streams ask is shown
/// once, in the shared section) and submits each stream application on its own; withdrawing one is confirmed on /portal/withdraw. Answers post as
/// "q.{key}", as in stage 1; every id the post carries is checked against the signed-in applicant by the use cases.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class IndexModel(CohortDbContext db, ChooseStreams choose, SaveStreamAnswers save, SubmitStreamApplication submit) : PageModel
{
    public Season Season { get; private set; } = null!;
    public bool Invited { get; private set; }

    /// <summary>Why the applicant's selection is over (an accepted offer, a withdrawal): then nothing here applies.</summary>
    public string? Closure { get; private set; }

    public List<ResearchStream> Streams { get; private set; } = [];
    public List<StreamApplication> Applications { get; private set; } = [];
    public List<StreamQuestion> Questions { get; private set; } = [];
    public Dictionary<int, string> Answers { get; private set; } = [];
    public Dictionary<string, string> Problems { get; } = [];
    public string? Refusal { get; private set; }

    public StreamApplication? ApplicationTo(int streamId) => Applications.SingleOrDefault(a => a.StreamId == streamId);

    public IEnumerable<StreamApplication> Chosen => Applications.Where(a => a.State != ApplicationState.Withdrawn);

    /// <summary>Questions asked by two or more of the chosen streams: answered once, in their own section.</summary>
    public IEnumerable<StreamQuestion> Shared => Questions.Where(q => q.AskedBy.Count(a => Chosen.Any(c => c.StreamId == a.StreamId)) > 1);

    public IEnumerable<StreamQuestion> OwnQuestionsOf(int streamId) =>
        Questions.Except(Shared).Where(q => q.AskedBy.Any(a => a.StreamId == streamId));

    /// <summary>An answer a submitted application reads is frozen, so it is shown but not editable.</summary>
    public bool IsFrozen(StreamQuestion question) =>
        question.AskedBy.Any(a => Chosen.Any(c => c.StreamId == a.StreamId && c.State != ApplicationState.Draft));

    public QuestionView ViewOf(StreamQuestion question) =>
        new(question, Answers.GetValueOrDefault(question.Id), null, Problems.GetValueOrDefault(question.Key));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostChooseAsync(int[] streams, CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        Refusal = await choose.RunAsync(User.Id(), Season.Id, streams, cancellation);
        return Refusal is null ? RedirectWithNotice("Your choice of streams was saved.") : await ReloadAsync(cancellation);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        return await SaveAsync(cancellation) ? RedirectWithNotice("Your answers were saved.") : await ReloadAsync(cancellation);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int stream, CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation) || !await SaveAsync(cancellation))
        {
            return await ReloadAsync(cancellation);
        }

        var outcome = await submit.RunAsync(User.Id(), stream, cancellation);
        if (outcome.Submitted)
        {
            return RedirectWithNotice("Your stream application was submitted. A confirmation is on its way to your inbox.");
        }

        Refusal = outcome.Refusal ?? "Some answers need your attention before you can submit; they are marked below.";
        foreach (var problem in outcome.Problems)
        {
            Problems[problem.QuestionKey] = problem.Message;
        }

        return await ReloadAsync(cancellation);
    }

    private IActionResult RedirectWithNotice(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage();
    }

    private async Task<bool> SaveAsync(CancellationToken cancellation)
    {
        // Only the questions of the chosen streams are read from the post.
        var posted = QuestionView.Posted(Request.Form, Questions);
        var outcome = await save.RunAsync(User.Id(), posted, cancellation);
        Refusal = outcome.Refusal;
        foreach (var problem in outcome.Problems)
        {
            Problems[problem.QuestionKey] = problem.Message;
        }

        return Refusal is null && Problems.Count == 0;
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellation)
    {
        await LoadAsync(cancellation);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await db.Seasons.CurrentAsync(cancellation) is not { } season)
        {
            return false;
        }

        var applicant = User.Id();
        Season = season;
        Invited = await StreamsStage.IsInvitedAsync(db, applicant, season.Id, cancellation);
        Closure = await ApplicantStandings.ClosureAsync(db, applicant, cancellation);
        Streams = await db.Streams.AsNoTracking().Include(s => s.Mentors).Where(s => s.Track!.SeasonId == season.Id).OrderBy(s => s.Name).ToListAsync(cancellation);
        Applications = await db.StreamApplications.AsNoTracking().Where(a => a.ApplicantId == applicant && a.Stream!.Track!.SeasonId == season.Id).ToListAsync(cancellation);
        Questions = await db.StreamQuestions.AsNoTracking().Include(q => q.AskedBy).Where(q => q.SeasonId == season.Id).OrderBy(q => q.Position).ToListAsync(cancellation);
        Answers = await StreamQuestions.AnswersAsync(db, applicant, cancellation);
        return true;
    }
}
