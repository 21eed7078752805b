using Cohort.Core.Accounts;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>
/// The current season's reviewer pool: who reviews, what they know, how much they take on, their declared conflicts;
/// and who was invited but has not accepted yet. Removing a reviewer takes their Reviewer role away.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, AccountRoles roles) : AuditedPage(db, audit)
{
    public sealed record Row(ReviewerProfile Profile, string Name, string Email, int Conflicts);

    public List<Row> Reviewers { get; private set; } = [];

    public List<RoleInvitation> Invited { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        if (season is not null)
        {
            var rows = await Db.ReviewerProfiles.AsNoTracking().Where(p => p.SeasonId == season.Id)
                .Join(Db.Users, p => p.UserId, u => u.Id, (p, u) => new Row(p, u.DisplayName, u.Email ?? "", p.Conflicts.Count))
                .ToListAsync(cancellation);
            Reviewers = rows.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
            Invited = await Db.RoleInvitations.AsNoTracking().OpenIn(season.Id).Where(i => i.Role == InvitedRole.Reviewer)
                .OrderBy(i => i.Email).ToListAsync(cancellation);
        }
    }

    /// <summary>
    /// Takes a reviewer out of the pool, with their declared conflicts, and their Reviewer role unless something else
    /// justifies it. Their assignments stay in the rounds, where an admin can reassign the open ones.
    /// </summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellation)
    {
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var profile = season is null ? null
            : await Db.ReviewerProfiles.Include(p => p.Conflicts).SingleOrDefaultAsync(p => p.Id == id && p.SeasonId == season.Id, cancellation);
        if (profile is null)
        {
            return NotFound();
        }

        var email = await Db.Users.Where(u => u.Id == profile.UserId).Select(u => u.Email ?? "").SingleAsync(cancellation);
        Db.ReviewerProfiles.Remove(profile);
        if (!await SaveAsync("reviewer.removed", $"reviewer:{email}", $"from the pool of {season!.Name}", cancellation))
        {
            await OnGetAsync(cancellation);
            return Page();
        }

        await roles.SyncAsync([profile.UserId], User.AsActor(), $"removed from the reviewer pool of {season.Name}", cancellation);
        await Db.SaveChangesAsync(cancellation);
        return RedirectWithNotice($"Removed {email} from the reviewer pool.", "/Admin/Review/Pool/Index");
    }
}
