using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Mail;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Account;

/// <summary>
/// Sends a reset link through the outbox. The answer is the same whether or not the address has an account,
/// so this form cannot be used to find out who applied.
/// </summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<CohortUser> users, Outbox outbox, AuditLog audit, CohortDbContext db, PublicOrigin origin) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(254)]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = origin.Page("/Account/ResetPassword", new { email = user.Email, token });
            outbox.Enqueue(user.Email!, "Reset your Cohort password",
                $"Someone asked to reset the password of your Cohort account.\n\nTo choose a new password, open:\n{link}\n\n" +
                "If it was not you, ignore this message; your password stays as it is.", sensitive: true);
            audit.Record(new Actor(user.Id, user.Email!), "account.reset-requested", $"user:{user.Email}");
            await db.SaveChangesAsync();
        }

        Sent = true;
        return Page();
    }
}
