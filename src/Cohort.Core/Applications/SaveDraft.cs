using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

public sealed record DraftOutcome(DateTime? SavedAt, IReadOnlyList<AnswerProblem> Problems, string? Refusal)
{
    public static DraftOutcome Refused(string why) => new(null, [], why);
}

/// <summary>
/// Saves whatever the applicant has typed, even answers that would not yet pass submission: a draft exists so
/// that nothing typed is lost. Format problems come back as warnings. Only the window and the state can refuse.
/// </summary>
public sealed class SaveDraft(CohortDbContext db, TimeProvider clock)
{
    public async Task<DraftOutcome> RunAsync(string applicantId, int formId, IReadOnlyDictionary<string, string> answers, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var form = await db.Set<ApplicationForm>().Include(f => f.Questions).SingleOrDefaultAsync(f => f.Id == formId, cancellation);
        if (form is null)
        {
            return DraftOutcome.Refused("There is no such application form.");
        }

        if (!form.IsOpenAt(now))
        {
            return DraftOutcome.Refused(ApplicationWindow.Explain(form, now));
        }

        var application = await ApplicationDrafts.FindOrStartAsync(db, form, applicantId, now, cancellation);
        if (application.State != ApplicationState.Draft)
        {
            return DraftOutcome.Refused("This application has already been submitted; it can no longer be changed.");
        }

        var problems = new List<AnswerProblem>();
        foreach (var (key, value) in answers)
        {
            if (form.Questions.SingleOrDefault(q => q.Key == key) is not { Kind: not QuestionKind.File } question)
            {
                continue; // unknown keys and file questions (answered by upload) are ignored, never stored
            }

            problems.AddRange(AnswerRules.Check(question, value, submitting: false));
            var answer = application.Answers.SingleOrDefault(a => a.QuestionId == question.Id);
            if (answer is null)
            {
                application.Answers.Add(new Answer { QuestionId = question.Id, Value = Cap(value) });
            }
            else
            {
                answer.Value = Cap(value);
            }
        }

        application.UpdatedAt = now;
        await db.SaveChangesAsync(cancellation);
        return new DraftOutcome(now, problems, null);
    }

    // A draft keeps what was typed, up to a bound that stops one applicant filling the database.
    private static string Cap(string value) =>
        value.Length <= AnswerRules.MaxLongTextLength * 2 ? value : value[..(AnswerRules.MaxLongTextLength * 2)];
}
