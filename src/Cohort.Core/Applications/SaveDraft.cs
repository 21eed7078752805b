using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

public sealed record DraftOutcome(DateTime? SavedAt, IReadOnlyList<AnswerProblem> Problems, string? Refusal, bool AlreadySubmitted = false, bool Overtaken = false)
{
    public static DraftOutcome Refused(string why) => new(null, [], why);

    /// <summary>
    /// The application left the draft state (submitted, perhaps by the same applicant's other request a moment ago):
    /// nothing can be saved, and a submit that finds this has nothing left to do.
    /// </summary>
    public static DraftOutcome Submitted { get; } = new(null, [], "This application has already been submitted; it can no longer be changed.", AlreadySubmitted: true);

    /// <summary>Another save of the same draft got there first (two tabs, a double click): these answers were not stored, the winner's were.</summary>
    public static DraftOutcome OvertakenByAnotherSave { get; } = new(null, [], "Your answers were saved from another window at the same moment, so these were not saved: save again.", Overtaken: true);
}

/// <summary>
/// Saves whatever the applicant has typed, even answers that would not yet pass submission: a draft exists so
/// that nothing typed is lost. Format problems come back as warnings. Only the window and the state can refuse.
/// </summary>
public sealed class SaveDraft(CohortDbContext db, TimeProvider clock, CohortMetrics metrics)
{
    /// <param name="autosave">
    /// The script's save: its answers may be older than a click's that overtook it, so it is not applied again after a
    /// lost race (the script says it was not saved and saves again on the next change). A clicked save (Save, Submit)
    /// is applied again, up to <see cref="SaveOrRefuse.TriesAfterLostRace"/> times: the form's autosave and its Submit
    /// race whenever the script saves as the applicant clicks (the first answers of a draft are inserted by both and
    /// the unique index refuses one, or the draft's version refuses the later), and a submit must not go ahead with an
    /// autosave's older answers ("An answer is required" for what was typed).
    /// </param>
    public async Task<DraftOutcome> RunAsync(string applicantId, int formId, IReadOnlyDictionary<string, string> answers, bool autosave = false, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var form = await db.Set<ApplicationForm>().AsNoTracking().Include(f => f.Questions).SingleOrDefaultAsync(f => f.Id == formId, cancellation);
        if (form is null)
        {
            return DraftOutcome.Refused("There is no such application form.");
        }

        if (!form.IsOpenAt(now))
        {
            return DraftOutcome.Refused(ApplicationWindow.Explain(form, now));
        }

        for (int tried = 1; ; tried++)
        {
            var application = await ApplicationDrafts.FindOrStartAsync(db, form, applicantId, now, cancellation);
            if (application.State != ApplicationState.Draft)
            {
                return application.State == ApplicationState.Withdrawn
                    ? DraftOutcome.Refused("This application was withdrawn; it can no longer be changed.")
                    : DraftOutcome.Submitted;
            }

            var problems = Apply(form, application, answers);
            application.UpdatedAt = now;
            var stored = await db.TrySaveAsync(cancellation);
            metrics.DraftSaved(StageKind.General, stored);
            if (stored)
            {
                return new DraftOutcome(now, problems, null);
            }

            if (autosave || tried == SaveOrRefuse.TriesAfterLostRace)
            {
                // Overtaken by another save of this applicant's, or by a submit that left the draft state.
                var state = await db.Applications.Where(a => a.FormId == formId && a.ApplicantId == applicantId).Select(a => a.State).SingleAsync(cancellation);
                return state == ApplicationState.Draft ? DraftOutcome.OvertakenByAnotherSave : DraftOutcome.Submitted;
            }
        }
    }

    /// <summary>Writes the posted answers to the form's own questions into the draft; format problems come back as warnings.</summary>
    private static List<AnswerProblem> Apply(ApplicationForm form, Application application, IReadOnlyDictionary<string, string> answers)
    {
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

        return problems;
    }

    // A draft keeps what was typed, up to a bound that stops one applicant filling the database.
    private static string Cap(string value) =>
        value.Length <= AnswerRules.MaxLongTextLength * 2 ? value : value[..(AnswerRules.MaxLongTextLength * 2)];
}
