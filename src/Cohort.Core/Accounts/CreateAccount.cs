using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

/// <summary>
/// Creates an account with a role, its address already confirmed: for `cohort admin create` and the demo seed, whose
/// operator vouches for the address. People signing up go through <see cref="SignUp"/> and confirm by mail instead.
/// </summary>
public sealed class CreateAccount(UserManager<CohortUser> users, AccountRoles roles, CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IdentityResult> RunAsync(string email, string password, string displayName, string role, Actor actor)
    {
        var user = new CohortUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        await roles.GrantAsync(user, role, actor, "created with the account");
        audit.Record(actor, "account.created", $"user:{email}", $"role {role}");
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }
}
