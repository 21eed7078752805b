using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

/// <summary>Creates an account with a role; used by sign-up, `cohort admin create` and the demo seed.</summary>
public sealed class CreateAccount(UserManager<CohortUser> users, RoleManager<IdentityRole> roles, CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IdentityResult> RunAsync(string email, string password, string displayName, string role, Actor actor)
    {
        await EnsureRolesAsync();
        var user = new CohortUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var added = await users.AddToRoleAsync(user, role);
        if (added.Succeeded)
        {
            audit.Record(actor, "account.created", $"user:{email}", $"role {role}");
            await db.SaveChangesAsync();
        }

        return added;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
