namespace Cohort.Core.Accounts;

public static class OpenInvitations
{
    /// <summary>A season's invitations neither accepted nor withdrawn: pending, or expired unused, so an admin may still send them again.</summary>
    public static IQueryable<RoleInvitation> OpenIn(this IQueryable<RoleInvitation> invitations, int seasonId) =>
        invitations.Where(i => i.SeasonId == seasonId && i.AcceptedAt == null && i.RevokedAt == null);
}
