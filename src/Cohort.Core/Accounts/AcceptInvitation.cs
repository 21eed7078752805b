using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Accounts;

/// <summary>An invitation as its page shows it: the role it grants, whether it still works, and the state of its address's account.</summary>
public sealed record InvitationView(RoleInvitation Invitation, InvitationState State, string Role, bool AccountExists, bool AccountConfirmed);

/// <summary>The account that accepted, or the problems that stopped it; nothing changed then.</summary>
public sealed record Acceptance(CohortUser? Account, IReadOnlyList<string> Problems)
{
    public bool Accepted => Account is not null;
}

/// <summary>
/// Accepts a mentor's or reviewer's invitation: binds the mentor profile or adds the pool profile, then gives the
/// role, all in one transaction that first claims the invitation, so a link works once however often it is posted.
/// The account is either the address's existing, confirmed account, signed in, or one created here, confirmed by the
/// very act of opening the mailed link. An existing account whose address was never confirmed is refused: whoever
/// created it may not own the mailbox, and confirming it here would hand them the role.
/// </summary>
public sealed class AcceptInvitation(CohortDbContext db, UserManager<CohortUser> users, AccountRoles roles, AuditLog audit, TimeProvider clock)
{
    public const string Unconfirmed = "An account with this address exists, but its address has never been confirmed, so it cannot be given a role. " +
        "Confirm the address first, then open this invitation again.";

    private const string NoLonger = "This invitation no longer works: it was used, withdrawn or has expired. Ask the programme team for a new one.";

    public async Task<InvitationView?> FindAsync(string token, CancellationToken cancellation = default)
    {
        var hash = InvitationToken.Hash(token);
        var invitation = await db.RoleInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellation);
        if (invitation is null)
        {
            return null;
        }

        var account = await users.FindByEmailAsync(invitation.Email);
        return new(invitation, invitation.StateAt(clock.GetUtcNow().UtcDateTime), await InvitedRoles.DescribeAsync(db, invitation, cancellation),
            account is not null, account?.EmailConfirmed == true);
    }

    /// <summary>Accepts for the signed-in account <paramref name="userId"/>, which must be the invited address's, confirmed.</summary>
    public async Task<Acceptance> AsAccountAsync(string token, string userId, CancellationToken cancellation = default)
    {
        var user = await users.FindByIdAsync(userId);
        var invitation = await PendingAsync(token, cancellation);
        if (invitation is null || user is null)
        {
            return Refused(NoLonger);
        }

        if (users.NormalizeEmail(user.Email) != users.NormalizeEmail(invitation.Email))
        {
            return Refused($"This invitation is for {invitation.Email}, but you are signed in as {user.Email}. Sign out, then open the link again.");
        }

        return user.EmailConfirmed ? await AcceptAsync(invitation, user, password: null, cancellation) : Refused(Unconfirmed);
    }

    /// <summary>Creates the invited address's account, its address confirmed, and accepts with it.</summary>
    /// <param name="timeZoneId">The browser's IANA zone, as at sign-up: kept only when .NET knows it.</param>
    public async Task<Acceptance> WithNewAccountAsync(string token, string displayName, string password, string? timeZoneId, CancellationToken cancellation = default)
    {
        var invitation = await PendingAsync(token, cancellation);
        if (invitation is null)
        {
            return Refused(NoLonger);
        }

        if (await users.FindByEmailAsync(invitation.Email) is { } existing)
        {
            return Refused(existing.EmailConfirmed ? $"An account with {invitation.Email} exists already: sign in with it to accept." : Unconfirmed);
        }

        var user = new CohortUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            TimeZoneId = TimeZones.Normalise(timeZoneId),
        };
        var problems = await PasswordProblems.OfAsync(users, user, password);
        return problems.Count > 0 ? new Acceptance(null, problems.Select(e => e.Description).ToList()) : await AcceptAsync(invitation, user, password, cancellation);
    }

    private static Acceptance Refused(string problem) => new(null, [problem]);

    private async Task<RoleInvitation?> PendingAsync(string token, CancellationToken cancellation)
    {
        var hash = InvitationToken.Hash(token);
        var invitation = await db.RoleInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellation);
        return invitation?.StateAt(clock.GetUtcNow().UtcDateTime) == InvitationState.Pending ? invitation : null;
    }

    private async Task<Acceptance> AcceptAsync(RoleInvitation invitation, CohortUser user, string? password, CancellationToken cancellation)
    {
        var actor = new Actor(user.Id, user.Email!);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        try
        {
            // The claim comes first: its version check lets one acceptance through and fails every other.
            invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellation);
            if (password is not null)
            {
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    return Undo(created.Errors.Select(e => e.Description).ToList());
                }

                audit.Record(actor, "account.created", $"user:{user.Email}", "by accepting an invitation, which confirms the address");
            }

            invitation.AcceptedById = user.Id;
            var problem = await BindAsync(invitation, user, actor, cancellation);
            if (problem is not null)
            {
                return Undo([problem]);
            }

            await db.SaveChangesAsync(cancellation);
            await roles.SyncAsync([user.Id], actor, $"accepted the invitation to {invitation.Email}", cancellation);
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return new Acceptance(user, []);
        }
        catch (DbUpdateException)
        {
            return Undo([NoLonger]);
        }
    }

    // The transaction rolls back when disposed uncommitted; the tracked changes go with it.
    private Acceptance Undo(IReadOnlyList<string> problems)
    {
        db.ChangeTracker.Clear();
        return new Acceptance(null, problems);
    }

    private async Task<string?> BindAsync(RoleInvitation invitation, CohortUser user, Actor actor, CancellationToken cancellation)
    {
        if (invitation.Role == InvitedRole.Reviewer)
        {
            if (await db.ReviewerProfiles.AnyAsync(p => p.SeasonId == invitation.SeasonId && p.UserId == user.Id, cancellation))
            {
                return "You are in this season's reviewer pool already.";
            }

            var profile = new ReviewerProfile { SeasonId = invitation.SeasonId, UserId = user.Id };
            invitation.Reviewer!.ApplyTo(profile);
            db.ReviewerProfiles.Add(profile);
            audit.Record(actor, "reviewer.joined", $"reviewer:{user.Email}", "accepted an invitation to the pool");
            return null;
        }

        var mentor = await db.Mentors.SingleAsync(m => m.Id == invitation.MentorId, cancellation);
        if (mentor.UserId is not null)
        {
            return $"The profile of {mentor.Name} is linked to another account already.";
        }

        if (await db.Mentors.AnyAsync(m => m.SeasonId == mentor.SeasonId && m.UserId == user.Id, cancellation))
        {
            return "Your account is linked to another mentor of this season already.";
        }

        mentor.UserId = user.Id;
        audit.Record(actor, "mentor.linked", $"mentor:{mentor.Slug}", $"to the account {user.Email}, by accepting an invitation");
        return null;
    }
}
