using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Accounts;

/// <summary>
/// The one way roles are given and taken away. Every change is a security event: it goes only to a confirmed
/// account, and it is audited. The caller saves the audit entries with its own unit of work. No change touches the
/// security stamp (that would sign the person out); the web app reads roles from the database on every request.
/// </summary>
public sealed class AccountRoles(UserManager<CohortUser> users, RoleManager<IdentityRole> roles, CohortDbContext db, AuditLog audit)
{
    /// <summary>Gives <paramref name="role"/> to a confirmed account; false when it is unconfirmed or holds it already.</summary>
    public async Task<bool> GrantAsync(CohortUser user, string role, Actor actor, string reason)
    {
        if (!user.EmailConfirmed || await users.IsInRoleAsync(user, role))
        {
            return false;
        }

        await EnsureRolesAsync();
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Giving {user.Email} the role {role} failed: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }

        audit.Record(actor, "role.granted", $"user:{user.Email}", $"{role}: {reason}");
        return true;
    }

    /// <summary>
    /// Gives <paramref name="role"/> (its id <paramref name="roleId"/>, from <see cref="IdOfAsync"/>) to accounts the caller
    /// is creating in its own unit of work, confirmed, as an import of thousands does: one row and one audit entry each,
    /// without the queries <see cref="GrantAsync"/> makes for an account that may hold the role already.
    /// </summary>
    public void GrantToNew(IEnumerable<CohortUser> created, string role, string roleId, Actor actor, string reason)
    {
        foreach (var user in created)
        {
            if (!user.EmailConfirmed)
            {
                throw new InvalidOperationException($"Only a confirmed account is given a role; {user.Email} is not confirmed.");
            }

            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            audit.Record(actor, "role.granted", $"user:{user.Email}", $"{role}: {reason}");
        }
    }

    /// <summary>The id of <paramref name="role"/>, created first where it is missing.</summary>
    public async Task<string> IdOfAsync(string role)
    {
        await EnsureRolesAsync();
        return (await roles.FindByNameAsync(role))!.Id;
    }

    /// <summary>
    /// Makes the Mentor and Reviewer roles of <paramref name="userIds"/> follow what the current season says, after a
    /// change to its streams' mentors, its mentors' accounts or its reviewer pool: Mentor while the account is linked to
    /// a mentor of at least one stream, Reviewer while it is in the pool. Admins and applicants are left as they are.
    /// </summary>
    public async Task SyncAsync(IEnumerable<string> userIds, Actor actor, string reason, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        foreach (var userId in userIds.Distinct())
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                continue;
            }

            var mentors = season is not null
                && await db.Mentors.AnyAsync(m => m.SeasonId == season.Id && m.UserId == userId && m.Streams.Any(), cancellation);
            var reviews = season is not null
                && await db.ReviewerProfiles.AnyAsync(p => p.SeasonId == season.Id && p.UserId == userId, cancellation);
            await FollowAsync(user, Roles.Mentor, mentors, actor, reason);
            await FollowAsync(user, Roles.Reviewer, reviews, actor, reason);
        }
    }

    /// <summary>Creates the four roles where they are missing, as on a fresh install.</summary>
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

    private async Task FollowAsync(CohortUser user, string role, bool justified, Actor actor, string reason)
    {
        if (justified)
        {
            await GrantAsync(user, role, actor, reason);
        }
        else if (await users.IsInRoleAsync(user, role))
        {
            await users.RemoveFromRoleAsync(user, role);
            audit.Record(actor, "role.revoked", $"user:{user.Email}", $"{role}: {reason}");
        }
    }
}
