using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

/// <summary>
/// Sends a fresh confirmation link to an account still waiting for one. It answers nothing, whatever the address,
/// so the form in front of it cannot tell who has an account.
/// </summary>
public sealed class ResendConfirmation(UserManager<CohortUser> users, CohortDbContext db, AuditLog audit, ConfirmationMail confirmation)
{
    public async Task RunAsync(string email, CancellationToken cancellation = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.EmailConfirmed)
        {
            return;
        }

        await confirmation.EnqueueAsync(user, "You asked for a new link to confirm the address of your Cohort account.");
        audit.Record(new Actor(user.Id, user.Email!), "account.confirmation-resent", $"user:{user.Email}");
        await db.SaveChangesAsync(cancellation);
    }
}
