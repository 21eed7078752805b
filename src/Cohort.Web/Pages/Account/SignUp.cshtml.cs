using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>Anyone may create an account; it starts as an applicant. Other roles are granted by admins.</summary>
[AllowAnonymous]
public class SignUpModel(CreateAccount createAccount, UserManager<CohortUser> users, SignInManager<CohortUser> signIn) : PageModel
{
    [BindProperty] public SignUpInput Input { get; set; } = new();

    public sealed class SignUpInput
    {
        [Required, StringLength(100), Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required, EmailAddress, StringLength(254)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";
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
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "An account with this email already exists. Sign in, or reset your password.");
            return Page();
        }

        var result = await createAccount.RunAsync(email, Input.Password, Input.DisplayName.Trim(), Roles.Applicant, new Actor(null, email));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync((await users.FindByEmailAsync(email))!, isPersistent: false);
        TempData["Notice"] = "Welcome! Your account is ready. Start with the general application below.";
        return LocalRedirect("/portal");
    }
}
