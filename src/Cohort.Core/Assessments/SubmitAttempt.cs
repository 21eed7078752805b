using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>
/// Hands an attempt in and scores its automatically scorable items. Idempotent: a second submit, a double click or a
/// retried request finds it handed in and answers the same. After the deadline the attempt has already closed itself.
/// </summary>
public sealed class SubmitAttempt(CohortDbContext db, TimeProvider clock, AuditLog audit, CohortMetrics metrics)
{
    public async Task<AttemptOutcome> RunAsync(string applicantId, int assessmentId, CancellationToken cancellation = default)
    {
        using var span = CohortTraces.Start(nameof(SubmitAttempt));
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = await Invitations.AttemptAsync(db, assessmentId, applicantId, cancellation);
        if (attempt is null)
        {
            return AttemptOutcome.Refused("Open the assessment first; there is nothing to hand in.");
        }

        attempt = await AttemptClosing.CloseIfExpiredAsync(db, attempt, now, cancellation);
        if (attempt.SubmittedAt is not null)
        {
            return new(attempt, null, []);
        }

        if (attempt.ClosedAt is not null)
        {
            return AttemptOutcome.Refused(SaveAttemptAnswers.ClosedExplanation(attempt), attempt);
        }

        attempt.SubmittedAt = now;
        attempt.Close(now, attempt.Assessment!.Items);
        audit.Record(await AccountActors.OfAsync(db, applicantId, cancellation), "attempt.submitted", $"assessment:{attempt.Assessment.Slug}", $"attempt {attempt.Id}");
        if (await db.TrySaveAsync(cancellation))
        {
            metrics.Submitted(StageKind.Assessment);
            return new(attempt, null, []);
        }

        var winner = await Invitations.AttemptAsync(db, assessmentId, applicantId, cancellation);
        return winner?.SubmittedAt is not null
            ? new(winner, null, [])
            : AttemptOutcome.Refused("The attempt changed while it was being handed in; please hand it in again.", winner);
    }
}
