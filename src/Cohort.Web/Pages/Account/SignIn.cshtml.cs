using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

[AllowAnonymous]
public class SignInModel(SignInManager<CohortUser> signIn, BackoffUserManager users, ConfirmEmail confirmation) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The email and password were right, but the address is not confirmed yet: the page says so, with the resend link.</summary>
    public bool AwaitsConfirmation { get; private set; }

    public sealed class SignInInput
    {
        [Required, EmailAddress, StringLength(254)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool Remember { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        // Only local return URLs: an attacker must not be able to bounce a fresh session to their own site.
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInCode", new { returnUrl, remember = Input.Remember });
        }

        if (result.IsNotAllowed && await confirmation.AwaitsConfirmationAsync(email, Input.Password))
        {
            AwaitsConfirmation = true;
            return Page();
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? await users.WaitMessageAsync(await users.FindByEmailAsync(email)) ?? "Too many failed attempts: try again in a moment."
            : "That email and password do not match an account.");
        return Page();
    }
}
