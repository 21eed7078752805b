using Cohort.Core.Accounts;
using Cohort.Core.Mail;

namespace Cohort.Web.Accounts;

/// <summary>
/// Every change to how an account signs in is audited and told to its owner by mail, so that someone who took
/// over a session cannot quietly change the password or the second factor.
/// </summary>
public sealed class SecurityEvents(AuditLog audit, Outbox outbox, PublicOrigin origin, CohortDbContext db)
{
    /// <param name="action">The audit action, e.g. <c>account.password-changed</c>.</param>
    /// <param name="happened">What happened, as the end of "On your Cohort account, …", e.g. "the password was changed".</param>
    public async Task RecordAsync(CohortUser user, string action, string happened)
    {
        audit.Record(new Actor(user.Id, user.Email!), action, $"user:{user.Email}");
        outbox.Enqueue(user.Email!, $"Cohort: {happened}",
            $"On your Cohort account, {happened}.\n\nIf it was you, there is nothing to do.\n\n" +
            $"If it was not, reset your password now; that signs out everyone using your account:\n{origin.Link("/account/forgot-password")}");
        await db.SaveChangesAsync();
    }
}
