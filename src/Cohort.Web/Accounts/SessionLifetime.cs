using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Accounts;

/// <summary>
/// The absolute session lifetime (<see cref="CohortWebOptions.SessionLifetime"/>): the moment of sign-in travels in the
/// cookie as a claim, and a request made after the lifetime signs the person out, however recently they were active.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtClaim = "cohort:signed-in-at";

    // "amr" says how the person signed in (pwd, mfa); Identity adds it at sign-in but its principal rebuild drops it.
    private static readonly string[] SessionClaimTypes = [SignedInAtClaim, EndedSessions.SessionIdClaim, "amr"];

    /// <summary>The claims that make a new session: when it began, and its own id (see <see cref="EndedSessions"/>).</summary>
    public static IEnumerable<Claim> NewSession(TimeProvider clock) =>
    [
        new(SignedInAtClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
        EndedSessions.NewSessionId(),
    ];

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The claims that belong to the session rather than to the account, copied whenever the principal is rebuilt.</summary>
    public static IEnumerable<Claim> SessionClaims(ClaimsPrincipal principal) =>
        principal.Claims.Where(c => SessionClaimTypes.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType));

    /// <summary>
    /// The cookie's OnValidatePrincipal: first the lifetime and whether the session was signed out of, then the
    /// security stamp (which rebuilds the principal).
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<CohortWebOptions>>().Value.SessionLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // A cookie without the claims predates them; it is as good as expired.
        if (context.Principal is null || SignedInAt(context.Principal) is not { } signedInAt || now - signedInAt >= lifetime
            || await EndedSessions.IsEndedAsync(services.GetRequiredService<CohortDbContext>(), context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>SecurityStampValidatorOptions.OnRefreshingPrincipal: the rebuilt principal keeps the session's claims.</summary>
    public static Task CarryAcross(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            identity.AddClaims(SessionClaims(current).Where(c => !identity.HasClaim(c.Type, c.Value)));
        }

        return Task.CompletedTask;
    }
}
