using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP): set up by scanning a QR code (or typing the key) and
/// confirming one code; then ten recovery codes are shown, once. Later: new recovery codes, or turn it off. Every
/// change needs the password too: a stolen session alone must not be able to turn it on (and keep the owner out with a
/// phone they do not hold), nor read fresh recovery codes. Every change is audited and mailed to the owner.
/// </summary>
public class TwoFactorModel(BackoffUserManager users, SignInManager<CohortUser> signIn, SecurityEvents events) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty, StringLength(20), Display(Name = "Code from the app")]
    public string? Code { get; set; }

    [BindProperty, DataType(DataType.Password), StringLength(200), Display(Name = "Your password")]
    public string? Password { get; set; }

    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCodeImage { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Fresh recovery codes, shown on this one response and never again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/security";

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return await ShowAsync();
        }

        if (!await PasswordConfirmedAsync(user))
        {
            return await ShowAsync();
        }

        var code = string.Concat((Code ?? "").Where(char.IsAsciiDigit));
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Enter the 6 digits the app shows now; they change every 30 seconds.");
            return await ShowAsync();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))!.ToList();
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, "account.two-factor-enabled", "two-step sign-in was turned on");
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: true } user)
        {
            return RedirectToPage();
        }

        if (!await PasswordConfirmedAsync(user))
        {
            return await ShowAsync();
        }

        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))!.ToList();
        await events.RecordAsync(user, "account.recovery-codes-replaced", "new recovery codes were made, and the old ones no longer work");
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: true } user)
        {
            return RedirectToPage();
        }

        if (!await PasswordConfirmedAsync(user))
        {
            return await ShowAsync();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A fresh key next time: whoever saw this one (or the phone that holds it) cannot reuse it.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, "account.two-factor-disabled", "two-step sign-in was turned off");
        TempData["Notice"] = "Two-step sign-in is off. Your password alone now signs you in.";
        return RedirectToPage("/Account/Security");
    }

    /// <summary>
    /// Whether the posted password is the account's. A wrong one counts as a failed sign-in, so this form is no way
    /// round the backoff; while the account must wait, no password is read.
    /// </summary>
    private async Task<bool> PasswordConfirmedAsync(CohortUser user)
    {
        if (await users.WaitMessageAsync(user) is { } wait)
        {
            ModelState.AddModelError(nameof(Password), wait);
            return false;
        }

        if (!await users.CheckPasswordAsync(user, Password ?? ""))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Password), await users.WaitMessageAsync(user) ?? "That is not your password.");
            return false;
        }

        return true;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        // The key, the QR code and the recovery codes must not stay in any cache.
        Response.Headers.CacheControl = "no-cache, no-store";
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making a key changes the security stamp; re-issue this session so it survives.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = Authenticator.Readable(key!);
        QrCodeImage = QrCode.SvgDataUri(Authenticator.EnrolmentUri(user.Email!, key!));
        return Page();
    }
}
