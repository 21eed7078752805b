using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>
/// Autosaves an open attempt's answers. Only answers to the assessment's own items are read, so a posted score,
/// deadline or start time is never stored. Past the deadline nothing is saved and what was saved before stays.
/// </summary>
public sealed class SaveAttemptAnswers(CohortDbContext db, TimeProvider clock, CohortMetrics metrics)
{
    public const int MaxAnswerLength = 100_000;

    /// <remarks>
    /// The page's autosave and its Save or Hand in post race whenever the script saves as the applicant clicks, and the
    /// loser fails on the attempt's version; it is applied again (<see cref="SaveOrRefuse.TriesAfterLostRace"/>).
    /// </remarks>
    public async Task<AttemptOutcome> RunAsync(string applicantId, int assessmentId, IReadOnlyDictionary<int, string> answers, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (int tried = 1; ; tried++)
        {
            var attempt = await Invitations.AttemptAsync(db, assessmentId, applicantId, cancellation);
            if (attempt is null)
            {
                return AttemptOutcome.Refused("Open the assessment first; nothing was saved.");
            }

            attempt = await AttemptClosing.CloseIfExpiredAsync(db, attempt, now, cancellation);
            if (!attempt.IsOpenAt(now))
            {
                return AttemptOutcome.Refused(ClosedExplanation(attempt), attempt);
            }

            var problems = Apply(attempt, answers, now);
            // Touching the attempt bumps its version, so a save racing a submit or the close cannot slip in after it.
            attempt.UpdatedAt = now;
            var stored = await db.TrySaveAsync(cancellation);
            metrics.DraftSaved(StageKind.Assessment, stored);
            if (stored)
            {
                return new(attempt, null, problems);
            }

            if (tried == SaveOrRefuse.TriesAfterLostRace)
            {
                var current = await Invitations.AttemptAsync(db, assessmentId, applicantId, cancellation);
                return AttemptOutcome.Refused(current is not null && !current.IsOpenAt(now)
                    ? ClosedExplanation(current)
                    : "Your answers were being saved from another window at the same moment; nothing was lost there. Save again.", current);
            }
        }
    }

    /// <summary>Writes the posted answers to the assessment's own items into the attempt; answers too long are left out and named.</summary>
    private static List<ItemProblem> Apply(Attempt attempt, IReadOnlyDictionary<int, string> answers, DateTime now)
    {
        var problems = new List<ItemProblem>();
        foreach (var item in attempt.Assessment!.Items.OrderBy(i => i.Position))
        {
            if (!answers.TryGetValue(item.Id, out var value))
            {
                continue;
            }

            if (value.Length > MaxAnswerLength)
            {
                problems.Add(new(item.Id, $"Keep the answer under {MaxAnswerLength:N0} characters; this answer was not saved."));
                continue;
            }

            var answer = attempt.Answers.SingleOrDefault(a => a.ItemId == item.Id);
            if (answer is null && string.IsNullOrWhiteSpace(value))
            {
                continue; // an item never answered (an ordering left at "–") needs no empty row
            }

            if (answer is null)
            {
                answer = new AttemptAnswer { ItemId = item.Id };
                attempt.Answers.Add(answer);
            }

            if (answer.Value != value)
            {
                answer.Value = value;
                answer.SavedAt = now;
            }
        }

        return problems;
    }

    public static string ClosedExplanation(Attempt attempt) => attempt.SubmittedAt is { } submitted
        ? $"You handed this assessment in on {submitted:d MMMM yyyy 'at' HH:mm} UTC; answers can no longer be changed."
        : $"Time ran out at {attempt.Deadline:d MMMM yyyy 'at' HH:mm} UTC. These answers were not saved; everything saved before then was kept and handed in.";
}
