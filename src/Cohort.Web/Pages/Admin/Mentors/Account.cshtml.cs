using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Admin.Mentors;

/// <summary>
/// The account a mentor signs in with. An admin never links an account by typing its address: they invite the
/// address, and the invitee's acceptance links the account they prove to hold. Unlinking takes the Mentor role away
/// unless the account mentors elsewhere.
/// </summary>
public class AccountModel(CohortDbContext db, AuditLog audit, SendInvitation send, AccountRoles roles) : AuditedPage(db, audit)
{
    public Core.Catalogue.Mentor Mentor { get; private set; } = null!;

    public string? LinkedEmail { get; private set; }

    /// <summary>The invitation still waiting for the mentor, if any.</summary>
    public RoleInvitation? Invitation { get; private set; }

    [BindProperty, Required, EmailAddress, StringLength(256), Display(Name = "Address to invite")]
    public string? InviteEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, cancellation))
        {
            return NotFound();
        }

        InviteEmail = Mentor.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(string key, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, cancellation))
        {
            return NotFound();
        }

        var problem = ModelState.IsValid ? await send.MentorAsync(User.AsActor(), Mentor.Id, InviteEmail!, cancellation) : null;
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(InviteEmail), problem);
        }

        return ModelState.IsValid
            ? RedirectWithNotice($"Invited {InviteEmail!.Trim()} to sign in as {Mentor.Name}.", "/Admin/Mentors/Account", new { key })
            : Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string key, CancellationToken cancellation)
    {
        if (!await LoadAsync(key, cancellation))
        {
            return NotFound();
        }

        if (Mentor.UserId is not { } userId)
        {
            return RedirectWithNotice($"{Mentor.Name} has no linked account.", "/Admin/Mentors/Account", new { key });
        }

        Mentor.UserId = null;
        if (!await SaveAsync("mentor.unlinked", $"mentor:{Mentor.Slug}", $"from the account {LinkedEmail}", cancellation))
        {
            return Page();
        }

        await roles.SyncAsync([userId], User.AsActor(), $"unlinked from the mentor {Mentor.Slug}", cancellation);
        await Db.SaveChangesAsync(cancellation);
        return RedirectWithNotice($"Unlinked {LinkedEmail} from {Mentor.Name}.", "/Admin/Mentors/Account", new { key });
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellation)
    {
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var mentor = season is null ? null : await Db.Mentors.SingleOrDefaultAsync(m => m.SeasonId == season.Id && m.Slug == key, cancellation);
        if (mentor is null)
        {
            return false;
        }

        Mentor = mentor;
        LinkedEmail = mentor.UserId is { } userId ? await Db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellation) : null;
        Invitation = await Db.RoleInvitations.AsNoTracking().OpenIn(mentor.SeasonId).Where(i => i.MentorId == mentor.Id)
            .OrderByDescending(i => i.SentAt).FirstOrDefaultAsync(cancellation);
        return true;
    }
}
