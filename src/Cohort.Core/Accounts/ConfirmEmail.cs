using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

public enum ConfirmOutcome
{
    /// <summary>The address is confirmed now.</summary>
    Confirmed,

    /// <summary>It was confirmed before (the link was opened twice); nothing changed.</summary>
    AlreadyConfirmed,

    /// <summary>No such account, or the token is wrong or expired.</summary>
    Invalid,
}

/// <param name="Applicant">The account may apply, so its portal is where it goes next.</param>
public sealed record Confirmation(ConfirmOutcome Outcome, bool Applicant);

/// <summary>
/// Confirms an account's address with the token mailed to it. An account that signed up holds no role until then:
/// confirming gives it the Applicant role, and lets it sign in.
/// </summary>
public sealed class ConfirmEmail(UserManager<CohortUser> users, AccountRoles roles, CohortDbContext db, AuditLog audit)
{
    public async Task<Confirmation> RunAsync(string userId, string token, CancellationToken cancellation = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new(ConfirmOutcome.Invalid, false);
        }

        if (user.EmailConfirmed)
        {
            return new(ConfirmOutcome.AlreadyConfirmed, await users.IsInRoleAsync(user, Roles.Applicant));
        }

        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return new(ConfirmOutcome.Invalid, false);
        }

        // Only a sign-up has no role at all; an account made before confirmation was required keeps the roles it has.
        var actor = new Actor(user.Id, user.Email!);
        if ((await users.GetRolesAsync(user)).Count == 0)
        {
            await roles.GrantAsync(user, Roles.Applicant, actor, "signed up and confirmed the address");
        }

        audit.Record(actor, "account.confirmed", $"user:{user.Email}");
        await db.SaveChangesAsync(cancellation);
        return new(ConfirmOutcome.Confirmed, await users.IsInRoleAsync(user, Roles.Applicant));
    }

    /// <summary>
    /// True when <paramref name="email"/> and <paramref name="password"/> are right but the address waits for its
    /// confirmation: only then may sign-in say so, so the message tells a stranger no more than a wrong password does.
    /// A wrong password counts as a failed sign-in, exactly as it would once the account is confirmed.
    /// </summary>
    public async Task<bool> AwaitsConfirmationAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.EmailConfirmed || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }
}
