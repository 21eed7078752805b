using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Account security at a glance: the password, two-step sign-in, and "sign out everywhere", which ends every other
/// session of the account at its next request (the security stamp changes) while this one stays, as the same session.
/// </summary>
public class SecurityModel(UserManager<CohortUser> users, SignInManager<CohortUser> signIn, SecurityEvents events) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, "account.signed-out-everywhere", "every other session was signed out");
        TempData["Notice"] = "Every other device signed in to your account has been signed out. This one stays signed in.";
        return RedirectToPage();
    }
}
