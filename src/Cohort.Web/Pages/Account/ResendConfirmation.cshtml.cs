using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Account;

/// <summary>Sends a new confirmation link. The answer is the same for every address, so this form cannot find accounts.</summary>
[AllowAnonymous]
public class ResendConfirmationModel(ResendConfirmation resend) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(254)]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await resend.RunAsync(Email, cancellation);
        Sent = true;
        return Page();
    }
}
