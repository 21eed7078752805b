using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Accounts;

/// <summary>An admin withdraws an invitation not yet accepted: its link stops working at once.</summary>
public sealed class RevokeInvitation(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    private const string AlreadySettled = "This invitation was accepted or withdrawn in the meantime.";

    /// <summary>A problem to show the admin, or null when the invitation is withdrawn.</summary>
    public async Task<string?> RunAsync(Actor actor, int invitationId, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.RoleInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellation);
        if (invitation is null || invitation.StateAt(now) is InvitationState.Accepted or InvitationState.Revoked)
        {
            return AlreadySettled;
        }

        invitation.RevokedAt = now;
        audit.Record(actor, "invitation.revoked", $"invitation:{invitation.Email}", $"as {await InvitedRoles.DescribeAsync(db, invitation, cancellation)}");
        return await db.SaveOrRefuseAsync(AlreadySettled, cancellation);
    }
}
