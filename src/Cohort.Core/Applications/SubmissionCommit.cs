using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

/// <summary>What every kind of application has that submitting it changes.</summary>
public interface ISubmittable
{
    int Id { get; }
    ApplicationState State { get; set; }
    DateTime UpdatedAt { get; set; }
    DateTime? SubmittedAt { get; set; }
}

/// <summary>What a submission tells the applicant and the audit log: the mail (its body given the applicant) and the audit entry.</summary>
internal sealed record SubmissionNotice(string Subject, Func<CohortUser, string> Body, string AuditAction, string AuditTarget, string AuditSummary);

/// <summary>
/// The last steps of submitting any kind of application, once its checks passed: the state change, the confirmation
/// mail and the audit entry, saved together under the record's version check. When another request won the race,
/// the answer is what the winner left behind: submitted (the same answer the winner got) or changed in some other way.
/// Only the winner counts a submission in <see cref="CohortMetrics"/>.
/// </summary>
internal static class SubmissionCommit
{
    public static async Task<SubmitOutcome> SubmitAsync<TApplication>(
        CohortDbContext db, Outbox outbox, AuditLog audit, CohortMetrics metrics, StageKind stage, TApplication application, string applicantId, DateTime now, SubmissionNotice notice, CancellationToken cancellation)
        where TApplication : class, ISubmittable
    {
        application.State = ApplicationState.Submitted;
        application.SubmittedAt = now;
        application.UpdatedAt = now;
        var applicant = await db.Users.SingleAsync(u => u.Id == applicantId, cancellation);
        outbox.Enqueue(applicant.Email!, notice.Subject, notice.Body(applicant));
        audit.Record(new Actor(applicantId, applicant.Email!), notice.AuditAction, notice.AuditTarget, notice.AuditSummary);
        if (await db.TrySaveAsync(cancellation))
        {
            metrics.Submitted(stage);
            return new(true, now, [], null);
        }

        var id = application.Id;
        var winner = await db.Set<TApplication>().AsNoTracking().SingleAsync(a => a.Id == id, cancellation);
        return winner.State == ApplicationState.Submitted
            ? new(true, winner.SubmittedAt, [], null)
            : SubmitOutcome.ChangedMeanwhile;
    }

    /// <summary>
    /// Runs a whole submit (read, check, commit) again while it lost its commit to a save of the same draft: an
    /// autosave or a double click's twin that stored answers between this submit's read and its commit. The draft is
    /// still a draft then, and what that save stored is what the applicant asked to submit; a few rounds are plenty,
    /// since each loss means another request of the same applicant finished.
    /// </summary>
    public static async Task<SubmitOutcome> RetryWhileChangedAsync(Func<Task<SubmitOutcome>> submit)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await submit();
            if (!ReferenceEquals(outcome, SubmitOutcome.ChangedMeanwhile) || attempt == attempts)
            {
                return outcome;
            }
        }
    }
}
