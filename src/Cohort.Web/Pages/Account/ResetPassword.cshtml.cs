using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

[AllowAnonymous]
public class ResetPasswordModel(BackoffUserManager users, SecurityEvents events) : PageModel
{
    [BindProperty] public ResetInput Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class ResetInput
    {
        [Required, EmailAddress, StringLength(254)]
        public string Email { get; set; } = "";

        [Required]
        public string Token { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200), Display(Name = "New password")]
        public string Password { get; set; } = "";
    }

    public void OnGet(string? email, string? token)
    {
        Input.Email = email ?? "";
        Input.Token = token ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Description = "This reset link is not valid. Ask for a new one." })
            : await users.ResetPasswordAsync(user, Input.Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Code == "InvalidToken" ? "This reset link is not valid or has expired. Ask for a new one." : error.Description);
            }

            return Page();
        }

        // A reset also ends any wait after failed sign-ins: the person has just proved they own the address.
        // The new security stamp has already ended every session of the account.
        await users.ClearFailuresAsync(user!);
        await events.RecordAsync(user!, "account.password-reset", "the password was reset");
        Done = true;
        return Page();
    }
}
