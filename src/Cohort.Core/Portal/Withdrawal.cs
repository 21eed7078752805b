using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;

namespace Cohort.Core.Portal;

/// <summary>
/// What withdrawing the general application and withdrawing from one stream share: when it may go ahead, and the
/// audit entry in the applicant's own name.
/// </summary>
internal static class Withdrawal
{
    /// <summary>Whether the withdrawal goes ahead, and if not, the refusal to show (null: it was already withdrawn, which is no error).</summary>
    public sealed record Check(bool GoesAhead, string? Refusal);

    public static async Task<Check> CheckAsync(CohortDbContext db, StageRecord? record, string nothingToWithdraw, CancellationToken cancellation)
    {
        if (record is null)
        {
            return new(false, nothingToWithdraw);
        }

        if (record.State == ApplicationState.Withdrawn)
        {
            return new(false, null);
        }

        return await ApplicantStandings.ClosureAsync(db, record.ApplicantId, cancellation) is { } closure ? new(false, closure) : new(true, null);
    }

    /// <summary>Records the withdrawal before the state changes, so the entry can say what the record was.</summary>
    public static async Task RecordAsync(CohortDbContext db, AuditLog audit, StageRecord record, string action, string subject, string what, CancellationToken cancellation) =>
        audit.Record(await AccountActors.OfAsync(db, record.ApplicantId, cancellation), action, subject, $"{what}, was {record.State}");

    public const string Race = "The application changed while it was being withdrawn; please try again.";
}
