using System.Security.Claims;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, with the moment of sign-in stamped into every new session (<see cref="SessionLifetime"/>)
/// and kept when a session is re-issued after a password change or "sign out everywhere", so that renewing a
/// cookie never extends its lifetime.
/// </summary>
public sealed class SessionSignInManager(
    UserManager<CohortUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<CohortUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<CohortUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CohortUser> confirmation,
    TimeProvider clock)
    : SignInManager<CohortUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    // Every Identity sign-in (password, second factor, recovery code, a new account) ends up here.
    public override Task SignInWithClaimsAsync(CohortUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (!all.Exists(c => c.Type == SessionLifetime.SignedInAtClaim))
        {
            all.AddRange(SessionLifetime.NewSession(clock));
        }

        return base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>Re-issues this request's session for the account's new security stamp, as the same session.</summary>
    public override async Task RefreshSignInAsync(CohortUser user)
    {
        // Authentication ran at the start of this request, before the stamp changed; this reads that result again.
        var current = await Context.AuthenticateAsync(AuthenticationScheme);
        if (current.Principal is { } principal && UserManager.GetUserId(principal) == await UserManager.GetUserIdAsync(user))
        {
            await SignInWithClaimsAsync(user, current.Properties, SessionLifetime.SessionClaims(principal));
        }
    }
}
