using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>
/// Invites an address to the current season's reviewer pool. The invitee joins, and gets the Reviewer role, by
/// accepting the mailed link with the account of that address; until then the pool does not hold them.
/// </summary>
public class InviteModel(CohortDbContext db, AuditLog audit, SendInvitation send) : AuditedPage(db, audit)
{
    public sealed class InviteInput : ReviewerTermsInput
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Address to invite")]
        public string? Email { get; set; }
    }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await Db.Seasons.AsNoTracking().CurrentAsync(cancellation) is null ? NoSeason() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await Db.Seasons.AsNoTracking().CurrentAsync(cancellation) is not { } season)
        {
            return NoSeason();
        }

        if (Input.LoadProblem is { } loads)
        {
            ModelState.AddModelError("Input.MaxLoad", loads);
        }

        if (ModelState.IsValid && await send.ReviewerAsync(User.AsActor(), season.Id, Input.Email!, Input.ToTerms(), cancellation) is { } problem)
        {
            ModelState.AddModelError("Input.Email", problem);
        }

        return ModelState.IsValid
            ? RedirectWithNotice($"Invited {Input.Email!.Trim()} to review. They join the pool when they accept.", "/Admin/Review/Pool/Index")
            : Page();
    }

    private IActionResult NoSeason() => RedirectWithNotice("There is no season yet: import a catalogue first.", "/Admin/Import");
}
