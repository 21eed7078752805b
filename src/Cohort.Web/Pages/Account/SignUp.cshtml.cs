using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Anyone may create an account; it becomes an applicant once its address is confirmed by mail. The answer to a
/// taken sign-up is the same redirect whether or not the address already had an account, so this form cannot be used
/// to find out who applied; only the mailbox learns which it was. Other roles are granted by admins' invitations.
/// </summary>
[AllowAnonymous]
public class SignUpModel(SignUp signUp) : PageModel
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

        /// <summary>The browser's IANA zone, filled in by local-time.js; an unknown one is ignored, not refused.</summary>
        public string? TimeZone { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await signUp.RunAsync(new SignUpRequest(Input.Email, Input.DisplayName, Input.Password, Input.TimeZone), cancellation);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", problem.Description);
            }

            return Page();
        }

        return RedirectToPage("/Account/CheckYourMail");
    }
}
