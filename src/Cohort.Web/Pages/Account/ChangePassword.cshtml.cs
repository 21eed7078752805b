using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// A signed-in person changes their password by giving the current one. Wrong guesses count like failed sign-ins,
/// so a borrowed session cannot be used to find the password. Other sessions end; this one stays.
/// </summary>
public class ChangePasswordModel(BackoffUserManager users, SignInManager<CohortUser> signIn, SecurityEvents events) : PageModel
{
    [BindProperty] public ChangeInput Input { get; set; } = new();

    public sealed class ChangeInput
    {
        [Required, DataType(DataType.Password), StringLength(200), Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ."), Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.WaitMessageAsync(user) is { } wait)
        {
            ModelState.AddModelError("", wait);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    await users.AccessFailedAsync(user);
                    ModelState.AddModelError("Input.CurrentPassword", await users.WaitMessageAsync(user) ?? "That is not your current password.");
                }
                else
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, "account.password-changed", "the password was changed");
        TempData["Notice"] = "Your password has been changed, and every other device signed in to your account has been signed out.";
        return RedirectToPage("/Account/Security");
    }
}
