using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Accounts;

/// <summary>Password and sign-in rules, shared by the web app and the command line so both accept the same passwords.</summary>
public static class AccountPolicy
{
    public static void Configure(IdentityOptions options)
    {
        // Length beats composition rules (NIST SP 800-63B); 10 characters with no required classes, and no common ones.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.RequireUniqueEmail = true;
        // An address nobody has proved to own signs nobody in (sign-up mails a link to confirm it first).
        options.SignIn.RequireConfirmedEmail = true;
        // Failed sign-ins slow the account down (SignInBackoff) rather than lock it for a fixed time.
        options.Lockout.AllowedForNewUsers = true;
    }

    /// <summary>The rules beyond <see cref="Configure"/>: common passwords are refused, and hashes are made slow enough.</summary>
    public static IdentityBuilder AddCohortPasswordRules(this IdentityBuilder identity)
    {
        // OWASP's Password Storage Cheat Sheet gives 210,000 for PBKDF2-HMAC-SHA512, Identity's algorithm; its default is
        // 100,000. A hash made with fewer is rehashed at the owner's next sign-in.
        identity.Services.Configure<PasswordHasherOptions>(hasher => hasher.IterationCount = PasswordHashIterations);
        return identity.AddPasswordValidator<CommonPasswordValidator>();
    }

    public const int PasswordHashIterations = 210_000;
}
