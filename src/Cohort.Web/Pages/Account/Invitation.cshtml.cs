using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Where a mentor's or reviewer's invitation link leads. The invitee creates the account of the invited address (its
/// address confirmed, since they opened the mailed link), or signs in to the existing one and accepts; either way the
/// profile is bound and the role given. The page holds the token, so nothing may cache it.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class InvitationModel(AcceptInvitation accept, SignInManager<CohortUser> signIn, UserManager<CohortUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public InvitationView? View { get; private set; }

    /// <summary>The signed-in account's address, when someone is signed in.</summary>
    public string? SignedInAs { get; private set; }

    public bool SignedInAsInvitee => SignedInAs is not null && View is not null
        && string.Equals(users.NormalizeEmail(SignedInAs), users.NormalizeEmail(View.Invitation.Email), StringComparison.Ordinal);

    public string SignInLink => $"/account/sign-in?ReturnUrl={Uri.EscapeDataString($"/account/invitation?token={Token}")}";

    public sealed class NewAccountInput
    {
        [Required, StringLength(100), Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";

        /// <summary>The browser's IANA zone, filled in by local-time.js as on sign-up.</summary>
        public string? TimeZone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await ShowAsync(cancellation);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellation)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellation);
        }

        var acceptance = await accept.WithNewAccountAsync(Token, Input.DisplayName, Input.Password, Input.TimeZone, cancellation);
        return await ConcludeAsync(acceptance, () => signIn.SignInAsync(acceptance.Account!, isPersistent: false), cancellation);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellation)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return LocalRedirect(SignInLink);
        }

        // The account-creation fields belong to the other form; they do not concern accepting.
        ModelState.Clear();
        var acceptance = await accept.AsAccountAsync(Token, userId, cancellation);
        return await ConcludeAsync(acceptance, () => signIn.RefreshSignInAsync(acceptance.Account!), cancellation);
    }

    /// <param name="startSession">
    /// Signs the new account in, or renews the signed-in one's cookie so it carries the new role at once. Renewing
    /// keeps how the person signed in (a second factor included) and changes no security stamp, so no other session ends.
    /// </param>
    private async Task<IActionResult> ConcludeAsync(Acceptance acceptance, Func<Task> startSession, CancellationToken cancellation)
    {
        if (!acceptance.Accepted)
        {
            foreach (var problem in acceptance.Problems)
            {
                ModelState.AddModelError("", problem);
            }

            return await ShowAsync(cancellation);
        }

        var account = acceptance.Account!;
        await startSession();
        var roles = await users.GetRolesAsync(account);
        TempData["Notice"] = "Welcome! You have accepted the invitation.";
        return LocalRedirect(roles.Contains(Roles.Mentor) ? "/mentor" : roles.Contains(Roles.Reviewer) ? "/review" : "/");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellation)
    {
        View = Token.Length == 0 ? null : await accept.FindAsync(Token, cancellation);
        SignedInAs = User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (View.State != InvitationState.Pending)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }
}
