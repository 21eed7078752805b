using Cohort.Core.Accounts;
using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Apply;

/// <summary>
/// Stage 1, the general application. Answers are posted as fields named "q.{question key}"; with JavaScript the
/// page autosaves them every few seconds and when a field is left, without it the Save button does the same.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class GeneralModel(CohortDbContext db, SaveDraft saveDraft, SubmitApplication submit, StoreUpload upload) : PageModel
{
    public ApplicationForm Form { get; private set; } = null!;
    public Application? Application { get; private set; }
    public Dictionary<string, string> Values { get; } = [];
    public Dictionary<string, string> Problems { get; } = [];
    public string? Refusal { get; private set; }
    public DateTime? SavedAt { get; private set; }

    public bool CanEdit => Application is null || Application.State == ApplicationState.Draft;

    public QuestionView ViewOf(Question question)
    {
        var answer = Application?.Answers.FirstOrDefault(a => a.QuestionId == question.Id);
        return new QuestionView(question, Values.GetValueOrDefault(question.Key), answer?.FileId, Problems.GetValueOrDefault(question.Key));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        await SaveAsync(cancellation);
        return await ReloadAsync(cancellation);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        var saved = await SaveAsync(cancellation);
        if (saved.AlreadySubmitted)
        {
            // A double click, a retry after a slow answer, another tab: the submission the applicant asked for exists.
            return Submitted();
        }

        // Overtaken by another save of this applicant's (a double click's twin): the answers stored a moment ago are the
        // ones to submit, and of two submits one wins while the other finds the application submitted.
        if (saved.Refusal is not null && !saved.Overtaken)
        {
            return await ReloadAsync(cancellation);
        }

        Refusal = null;
        var outcome = await submit.RunAsync(User.Id(), Form.Id, cancellation);
        if (outcome.Submitted)
        {
            return Submitted();
        }

        Refusal = outcome.Refusal ?? "Some answers need your attention before you can submit; they are marked below.";
        Problems.Clear();
        foreach (var problem in outcome.Problems)
        {
            Problems[problem.QuestionKey] = problem.Message;
        }

        return await ReloadAsync(cancellation);
    }

    /// <summary>The JavaScript autosave: the same save, answered with JSON for the "saved at" indicator.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        var outcome = await saveDraft.RunAsync(User.Id(), Form.Id, PostedAnswers(), autosave: true, cancellation: cancellation);
        return outcome.Refusal is { } refusal
            ? new JsonResult(new { refusal }) { StatusCode = StatusCodes.Status409Conflict }
            : new JsonResult(new { savedAt = outcome.SavedAt, problems = outcome.Problems.ToDictionary(p => p.QuestionKey, p => p.Message) });
    }

    private RedirectToPageResult Submitted()
    {
        TempData["Notice"] = $"Your {Form.Title.ToLowerInvariant()} was submitted. A confirmation is on its way to your inbox.";
        return RedirectToPage("/Portal/Index");
    }

    /// <summary>Saves the posted answers and any uploaded CV; its outcome says why when the server refused (window closed, already submitted).</summary>
    private async Task<DraftOutcome> SaveAsync(CancellationToken cancellation)
    {
        var applicant = User.Id();
        var outcome = await saveDraft.RunAsync(applicant, Form.Id, PostedAnswers(), cancellation: cancellation);
        if (outcome.Refusal is not null)
        {
            Refusal = outcome.Refusal;
            return outcome;
        }

        SavedAt = outcome.SavedAt;
        foreach (var problem in outcome.Problems)
        {
            Problems[problem.QuestionKey] = problem.Message;
        }

        foreach (var file in Request.HasFormContentType ? Request.Form.Files : Enumerable.Empty<IFormFile>())
        {
            if (file.Length == 0 || !file.Name.StartsWith(QuestionView.FieldPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await using var content = file.OpenReadStream();
            var stored = await upload.RunAsync(applicant, Form.Id, file.Name[QuestionView.FieldPrefix.Length..], file.FileName, content, cancellation);
            if (stored.Problem is { } problem)
            {
                Problems[file.Name[QuestionView.FieldPrefix.Length..]] = problem;
            }
        }

        return outcome;
    }

    private Dictionary<string, string> PostedAnswers() => QuestionView.Posted(Request.Form, Form.Questions);

    // Reloads what is stored, so the page shows exactly what was saved, keeping the problems found on the way.
    private async Task<IActionResult> ReloadAsync(CancellationToken cancellation)
    {
        var problems = new Dictionary<string, string>(Problems);
        await LoadAsync(cancellation);
        foreach (var (key, message) in problems)
        {
            Problems[key] = message;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        var (form, application) = await GeneralApplicationQuery.LoadAsync(db, User.Id(), cancellation);
        if (form is null)
        {
            return false;
        }

        Form = form;
        Application = application;
        Values.Clear();
        foreach (var answer in application?.Answers ?? [])
        {
            var key = form.Questions.Single(q => q.Id == answer.QuestionId).Key;
            Values[key] = answer.Value;
        }

        return true;
    }
}
