using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// The second step of signing in, for accounts with two-step sign-in: a code from the authenticator app, or one of
/// the recovery codes (each works once). The password step left a short-lived cookie naming the account.
/// </summary>
[AllowAnonymous]
public class SignInCodeModel(SignInManager<CohortUser> signIn, BackoffUserManager users) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code from your app, or a recovery code."), StringLength(40), Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Remember { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return StartAgain();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = string.Concat(Code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, Remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Normalise(code));
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(nameof(Code), await users.WaitMessageAsync(user)
            ?? "That code is not right. Codes change every 30 seconds: check your phone's clock, or use a recovery code.");
        return Page();
    }

    private RedirectToPageResult StartAgain()
    {
        TempData["Notice"] = "Signing in took too long. Please enter your email and password again.";
        return RedirectToPage("/Account/SignIn", new { returnUrl = ReturnUrl });
    }
}
