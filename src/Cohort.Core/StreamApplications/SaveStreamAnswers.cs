using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Portal;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// Saves the applicant's answers to the questions of their draft stream applications, keeping whatever was typed
/// (format problems come back as warnings, as in stage 1). An answer is frozen once a stream application that asks
/// it has been submitted: that stream is reading it, so it is reused as it was, not rewritten under it.
/// </summary>
public sealed class SaveStreamAnswers(CohortDbContext db, TimeProvider clock, CohortMetrics metrics)
{
    public async Task<DraftOutcome> RunAsync(string applicantId, IReadOnlyDictionary<string, string> answers, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ApplicantStandings.ClosureAsync(db, applicantId, cancellation) is { } closure)
        {
            return DraftOutcome.Refused(closure);
        }

        var applications = await db.StreamApplications.Include(a => a.Stream)
            .Where(a => a.ApplicantId == applicantId && a.State != ApplicationState.Withdrawn).ToListAsync(cancellation);
        var open = new List<int>();
        foreach (var draft in applications.Where(a => a.State == ApplicationState.Draft))
        {
            if (await StreamsStage.ClosedForAsync(db, draft.Stream!, now, cancellation) is null)
            {
                open.Add(draft.StreamId);
            }
        }

        if (open.Count == 0)
        {
            return DraftOutcome.Refused(applications.Any(a => a.State == ApplicationState.Draft)
                ? "Stream applications are closed; answers can no longer be saved."
                : "Choose at least one stream before answering its questions.");
        }

        var submitted = applications.Where(a => a.State != ApplicationState.Draft).Select(a => a.StreamId).ToHashSet();
        var questions = await StreamQuestions.AskedByAsync(db, open, cancellation);
        var stored = await db.StreamAnswers.Where(a => a.ApplicantId == applicantId).ToListAsync(cancellation);
        var problems = new List<AnswerProblem>();
        foreach (var (key, value) in answers)
        {
            if (questions.SingleOrDefault(q => q.Key == key) is not { } question || question.AskedBy.Any(a => submitted.Contains(a.StreamId)))
            {
                continue; // unknown keys, questions of streams not chosen and frozen answers are ignored
            }

            problems.AddRange(AnswerRules.Check(question, value, submitting: false));
            var answer = stored.SingleOrDefault(a => a.QuestionId == question.Id);
            if (answer is null)
            {
                answer = new StreamAnswer { ApplicantId = applicantId, QuestionId = question.Id };
                db.StreamAnswers.Add(answer);
            }

            answer.Value = value.Length <= AnswerRules.MaxLongTextLength ? value : value[..AnswerRules.MaxLongTextLength];
            answer.UpdatedAt = now;
        }

        // Two first saves of the same answer may race (two tabs); then the other one's text is kept.
        var saved = await db.TrySaveAsync(cancellation);
        metrics.DraftSaved(StageKind.Streams, saved);
        return saved
            ? new DraftOutcome(now, problems, null)
            : DraftOutcome.Refused("Your answers were saved from another tab at the same moment; reload to see them.");
    }
}
