using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public class SignOutModel(SignInManager<CohortUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
