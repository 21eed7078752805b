using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

[AllowAnonymous]
public class SignInModel(SignInManager<CohortUser> signIn, ConfirmEmail confirmation) : PageModel
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

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only local return URLs: an attacker must not be able to bounce a fresh session to their own site.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsNotAllowed && await confirmation.AwaitsConfirmationAsync(Input.Email.Trim(), Input.Password))
        {
            AwaitsConfirmation = true;
            return Page();
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? $"Too many failed attempts: this account is locked for 15 minutes. You can reset your password meanwhile."
            : "That email and password do not match an account.");
        return Page();
    }
}
