using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Extensions;
using Cohort.Web.Pages.Apply;

namespace Cohort.Web.Pages.Portal.Extensions;

/// <summary>
/// A fellow's application to an extension round of their season (/portal/extensions/{id}): the round's form and the
/// amount asked, saved as a draft or submitted before the deadline, and withdrawn (after a confirmation) while it awaits
/// a decision. A round of a season the account has no fellowship in answers 404.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class ApplyModel(CohortDbContext db, ApplyForExtension apply, TimeProvider clock) : PageModel
{
    public ExtensionRound Round { get; private set; } = null!;

    public ExtensionApplication? Application { get; private set; }

    [BindProperty]
    public int RequestedAmount { get; set; }

    /// <summary>Why the last post saved nothing.</summary>
    public string? Refusal { get; private set; }

    public Dictionary<string, string> Problems { get; } = [];

    /// <summary>The answers shown: the posted ones after a refused post, else the stored ones.</summary>
    public Dictionary<string, string> Values { get; private set; } = [];

    /// <summary>Set on "Withdraw…": the page asks for confirmation instead of showing the form.</summary>
    public bool ConfirmingWithdrawal { get; private set; }

    public DateTime Now { get; private set; }

    public bool IsOpen => Round.IsOpenAt(Now);

    public bool CanEdit => IsOpen && (Application is null || Application.State == ApplicationState.Draft);

    [TempData]
    public string? Notice { get; set; }

    public QuestionView ViewOf(ExtensionQuestion question) =>
        new(question, Values.GetValueOrDefault(question.Key), null, Problems.GetValueOrDefault(question.Key));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnGetWithdrawAsync(int id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        ConfirmingWithdrawal = Application is { } application && (application.State == ApplicationState.Draft || ExtensionScope.AwaitsDecision(application.State));
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellation) => SaveAsync(id, submit: false, "Your draft is saved.", cancellation);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellation) => SaveAsync(id, submit: true, "Your application is submitted. Your mentors can now endorse it.", cancellation);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellation)
    {
        var outcome = await apply.WithdrawAsync(User.AsActor(), id, cancellation);
        return await AfterAsync(id, outcome, "Your application is withdrawn.", cancellation);
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, string notice, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Refusal = "Give the amount as a whole number.";
            Values = QuestionView.Posted(Request.Form, Round.Questions);
            return Page();
        }

        var posted = QuestionView.Posted(Request.Form, Round.Questions);
        var outcome = await apply.SaveAsync(User.AsActor(), id, new ExtensionDraft(RequestedAmount, posted), submit, cancellation);
        if (!outcome.Saved && !outcome.NotFound)
        {
            Values = posted;
        }

        return await AfterAsync(id, outcome, notice, cancellation);
    }

    private async Task<IActionResult> AfterAsync(int id, ExtensionApplyOutcome outcome, string notice, CancellationToken cancellation)
    {
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Saved)
        {
            Notice = notice;
            return RedirectToPage(new { id });
        }

        var posted = Values;
        await LoadAsync(id, cancellation);
        if (posted.Count > 0)
        {
            Values = posted;
        }

        Refusal = outcome.Refusal;
        foreach (var problem in outcome.Problems)
        {
            Problems[problem.QuestionKey] = problem.Message;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        var me = User.Id();
        var round = await ExtensionScope.RoundsOfFellow(db, me).AsNoTracking().Include(r => r.Questions.OrderBy(q => q.Position))
            .SingleOrDefaultAsync(r => r.Id == id, cancellation);
        if (round is null)
        {
            return false;
        }

        Round = round;
        Now = clock.GetUtcNow().UtcDateTime;
        var fellowships = ExtensionScope.FellowshipFor(db, me, round);
        Application = await db.ExtensionApplications.AsNoTracking().Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.RoundId == round.Id && fellowships.Any(f => f.Id == a.FellowshipId), cancellation);
        if (Request.Method == HttpMethods.Get || RequestedAmount == 0)
        {
            RequestedAmount = Application?.RequestedAmount ?? 0;
        }

        Values = round.Questions.ToDictionary(q => q.Key, q => Application?.Answers.SingleOrDefault(a => a.QuestionId == q.Id)?.Value ?? "");
        return true;
    }
}
