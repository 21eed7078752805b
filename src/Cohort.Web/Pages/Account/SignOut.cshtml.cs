using Cohort.Core.Accounts;
using Cohort.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Signing out is a POST with an antiforgery token, so a link on another site cannot sign anyone out. It ends the
/// session on the server too (<see cref="EndedSessions"/>), not only in this browser.
/// </summary>
[AllowAnonymous]
public class SignOutModel(SignInManager<CohortUser> signIn, CohortDbContext db, TimeProvider clock, IOptions<CohortWebOptions> options) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await EndedSessions.EndAsync(db, User, clock.GetUtcNow(), options.Value.SessionLifetime);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
