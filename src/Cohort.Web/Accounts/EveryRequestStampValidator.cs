using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Accounts;

/// <summary>
/// Checks the security stamp, and rebuilds the principal from the database, on every request. Identity's validator
/// with a zero interval does so only when time has moved since the cookie was issued, which a frozen test clock
/// (or two requests in one clock tick) never sees.
/// </summary>
public sealed class EveryRequestStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<CohortUser> signIn, ILoggerFactory logging)
    : SecurityStampValidator<CohortUser>(options, signIn, logging)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await VerifySecurityStamp(context.Principal) is { } user)
        {
            await SecurityStampVerified(user, context);
            return;
        }

        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }
}
