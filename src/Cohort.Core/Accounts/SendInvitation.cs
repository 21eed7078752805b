using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Accounts;

/// <summary>
/// An admin invites someone by address to mentor or to review, or sends an invitation's link again. Each send makes a
/// new one-time link (only its hash is kept, so an old link cannot be sent twice) valid for <see cref="Lifetime"/>.
/// Methods return a problem to show the admin, or null when the mail is queued.
/// </summary>
public sealed class SendInvitation(CohortDbContext db, UserManager<CohortUser> users, Outbox outbox, AuditLog audit, IAccountLinks links, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public const string AlreadySettled = "This invitation was accepted or withdrawn in the meantime, so it was not sent.";

    public async Task<string?> MentorAsync(Actor actor, int mentorId, string email, CancellationToken cancellation = default)
    {
        email = email.Trim();
        var mentor = await db.Mentors.SingleOrDefaultAsync(m => m.Id == mentorId, cancellation);
        if (mentor is null)
        {
            return "This mentor no longer exists.";
        }

        if (mentor.UserId is not null)
        {
            return $"{mentor.Name} is already linked to an account. Unlink it first to invite someone else.";
        }

        if (await users.FindByEmailAsync(email) is { } account
            && await db.Mentors.AnyAsync(m => m.SeasonId == mentor.SeasonId && m.UserId == account.Id, cancellation))
        {
            return $"The account {email} is already linked to another mentor of this season.";
        }

        // Only the latest invitation of a mentor works: inviting another address withdraws the one before.
        foreach (var earlier in await db.RoleInvitations.Where(i => i.MentorId == mentorId && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellation))
        {
            earlier.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(actor, "invitation.revoked", $"invitation:{earlier.Email}", $"replaced by an invitation to {email}");
        }

        var invitation = new RoleInvitation { SeasonId = mentor.SeasonId, Role = InvitedRole.Mentor, Email = email, MentorId = mentor.Id, TokenHash = "" };
        db.RoleInvitations.Add(invitation);
        await IssueAsync(actor, invitation, "invitation.sent", cancellation);
        return null;
    }

    public async Task<string?> ReviewerAsync(Actor actor, int seasonId, string email, ReviewerTerms terms, CancellationToken cancellation = default)
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is { } account
            && await db.ReviewerProfiles.AnyAsync(p => p.SeasonId == seasonId && p.UserId == account.Id, cancellation))
        {
            return $"{account.Email} is already in this season's reviewer pool.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var upper = email.ToUpperInvariant();
        if (await db.RoleInvitations.AnyAsync(i => i.SeasonId == seasonId && i.Role == InvitedRole.Reviewer && i.Email.ToUpper() == upper
            && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellation))
        {
            return $"{email} has already been invited to review this season. Send that invitation again from the list of invitations if the mail went astray.";
        }

        var invitation = new RoleInvitation { SeasonId = seasonId, Role = InvitedRole.Reviewer, Email = email, Reviewer = terms, TokenHash = "" };
        db.RoleInvitations.Add(invitation);
        await IssueAsync(actor, invitation, "invitation.sent", cancellation);
        return null;
    }

    /// <summary>Sends a pending or expired invitation again with a new link; the old link stops working.</summary>
    public async Task<string?> ResendAsync(Actor actor, int invitationId, CancellationToken cancellation = default)
    {
        var invitation = await db.RoleInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellation);
        if (invitation is null || invitation.StateAt(clock.GetUtcNow().UtcDateTime) is InvitationState.Accepted or InvitationState.Revoked)
        {
            return AlreadySettled;
        }

        return await IssueAsync(actor, invitation, "invitation.resent", cancellation);
    }

    private async Task<string?> IssueAsync(Actor actor, RoleInvitation invitation, string action, CancellationToken cancellation)
    {
        var token = InvitationToken.New();
        var now = clock.GetUtcNow().UtcDateTime;
        invitation.TokenHash = InvitationToken.Hash(token);
        invitation.SentAt = now;
        invitation.ExpiresAt = now + Lifetime;
        var role = await InvitedRoles.DescribeAsync(db, invitation, cancellation);
        // Someone invited to a further role may already have an account, and with it a zone.
        var upper = invitation.Email.ToUpperInvariant();
        var zoneId = await db.Users.Where(u => u.NormalizedEmail == upper).Select(u => u.TimeZoneId).FirstOrDefaultAsync(cancellation);
        outbox.Enqueue(invitation.Email, $"You are invited to be {role}",
            $"{actor.Name} invites you to Cohort as {role}.\n\nTo accept, open this link:\n{links.Invitation(token)}\n\n" +
            "If you already have a Cohort account with this address, you sign in with it there; otherwise you create one. " +
            $"The link works once, until {MailTime.Say(invitation.ExpiresAt, zoneId)}.\n\n" +
            "If you did not expect this invitation, ignore this message.",
            sensitive: true);
        audit.Record(actor, action, $"invitation:{invitation.Email}", $"as {role}, valid until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        return await db.SaveOrRefuseAsync(AlreadySettled, cancellation);
    }
}
