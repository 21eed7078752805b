using System.Security.Claims;
using Cohort.Core.Accounts;
using Cohort.Core.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Cohort.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, with the moment of sign-in stamped into every new session (<see cref="SessionLifetime"/>)
/// and kept when a session is re-issued after a password change or "sign out everywhere", so that renewing a
/// cookie never extends its lifetime. Every step of signing in is written to the <see cref="SecurityLog"/> and counted
/// in <see cref="CohortMetrics"/> (a surge of refusals is what an attack on passwords looks like from outside).
/// </summary>
public sealed class SessionSignInManager(
    UserManager<CohortUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<CohortUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<CohortUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CohortUser> confirmation,
    TimeProvider clock,
    CohortMetrics metrics,
    ILoggerFactory loggers)
    : SignInManager<CohortUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    private readonly ILogger security = loggers.CreateLogger(SecurityLog.Category);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is not { } user)
        {
            SecurityLog.UnknownAccount(security, Context.Connection.RemoteIpAddress);
            metrics.SignIn("password", "unknown_account");
            return SignInResult.Failed;
        }

        return Logged("password", user.Id, await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure));
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        return user is null ? result : Logged("authenticator code", user.Id, result);
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        return user is null ? result : Logged("recovery code", user.Id, result);
    }

    private SignInResult Logged(string factor, string userId, SignInResult result)
    {
        var client = Context.Connection.RemoteIpAddress;
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            SecurityLog.Accepted(security, factor, userId, client, result.RequiresTwoFactor ? "second factor required" : "signed in");
        }
        else
        {
            SecurityLog.Refused(security, factor, userId, client,
                result.IsLockedOut ? "the account must wait (backoff)" : result.IsNotAllowed ? "address not confirmed" : "wrong");
        }

        metrics.SignIn(factor.Replace(' ', '_'), result switch
        {
            { RequiresTwoFactor: true } => "second_factor_required",
            { Succeeded: true } => "signed_in",
            { IsLockedOut: true } => "backoff",
            { IsNotAllowed: true } => "not_confirmed",
            _ => "refused",
        });

        return result;
    }

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
