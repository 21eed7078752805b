using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Confirms an address from the mailed link. Confirming does not sign in: the link may be opened on another device,
/// or by a mail scanner, and a session must start only from the password. It sends the person to sign in instead.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(ConfirmEmail confirm) : PageModel
{
    public string UserId { get; private set; } = "";

    public string Token { get; private set; } = "";

    public bool Invalid { get; private set; }

    public void OnGet(string? userId, string? token)
    {
        UserId = userId ?? "";
        Token = token ?? "";
        Invalid = UserId.Length == 0 || Token.Length == 0;
    }

    public async Task<IActionResult> OnPostAsync(string? userId, string? token, CancellationToken cancellation)
    {
        var confirmation = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token)
            ? new Confirmation(ConfirmOutcome.Invalid, false)
            : await confirm.RunAsync(userId, token, cancellation);
        if (confirmation.Outcome == ConfirmOutcome.Invalid)
        {
            Invalid = true;
            return Page();
        }

        TempData["Notice"] = confirmation.Outcome == ConfirmOutcome.Confirmed
            ? "Your address is confirmed. Sign in to continue."
            : "Your address was already confirmed. Sign in to continue.";
        return RedirectToPage("/Account/SignIn", new { ReturnUrl = confirmation.Applicant ? "/portal" : null });
    }
}
