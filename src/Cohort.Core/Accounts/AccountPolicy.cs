using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

/// <summary>Password and lockout rules, shared by the web app and the command line so both accept the same passwords.</summary>
public static class AccountPolicy
{
    public const int MaxFailedSignIns = 5;

    public static void Configure(IdentityOptions options)
    {
        // Length beats composition rules (NIST SP 800-63B); 10 characters with no required classes.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.RequireUniqueEmail = true;
        // An address nobody has proved to own signs nobody in (sign-up mails a link to confirm it first).
        options.SignIn.RequireConfirmedEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
