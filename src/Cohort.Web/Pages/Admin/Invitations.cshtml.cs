using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Admin;

/// <summary>
/// The current season's invitations to mentor or review that are not settled yet: pending, or expired unused. An
/// admin sends one again (a new link; the old one stops working) or withdraws it. The mentor and pool pages post here.
/// </summary>
public class InvitationsModel(CohortDbContext db, AuditLog audit, SendInvitation send, RevokeInvitation revoke, TimeProvider clock) : AuditedPage(db, audit)
{
    public sealed record Row(RoleInvitation Invitation, string Role, bool Expired);

    public List<Row> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var invitation in await Db.RoleInvitations.AsNoTracking().OpenIn(season.Id).OrderBy(i => i.Email).ToListAsync(cancellation))
        {
            Open.Add(new Row(invitation, await InvitedRoles.DescribeAsync(Db, invitation, cancellation), invitation.StateAt(now) == InvitationState.Expired));
        }
    }

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken cancellation) =>
        Conclude(await send.ResendAsync(User.AsActor(), id, cancellation), "Sent the invitation again with a new link; the old link no longer works.");

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellation) =>
        Conclude(await revoke.RunAsync(User.AsActor(), id, cancellation), "Withdrew the invitation; its link no longer works.");

    private IActionResult Conclude(string? problem, string done) => RedirectWithNotice(problem ?? done, "/Admin/Invitations");
}
