using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Accounts;

/// <summary>
/// Sessions that were signed out of. The cookie alone carries a session, so deleting it from the browser would leave
/// a copy taken earlier good until its lifetime ends; instead each session has an id, and signing out records it
/// (in Identity's token table), so any copy is refused at its next request. Records outlive their session's
/// lifetime by nothing: past it, the cookie is refused anyway, and they are pruned.
/// </summary>
public static class EndedSessions
{
    public const string SessionIdClaim = "cohort:session";
    private const string LoginProvider = "[Cohort]";
    private const string Prefix = "EndedSession:";

    public static Claim NewSessionId() => new(SessionIdClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public static async Task<bool> IsEndedAsync(CohortDbContext db, ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && principal.FindFirstValue(SessionIdClaim) is { } id
        && await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == Prefix + id);

    /// <summary>Records that <paramref name="principal"/>'s session is over, and forgets ended sessions past their lifetime.</summary>
    public static async Task EndAsync(CohortDbContext db, ClaimsPrincipal principal, DateTimeOffset now, TimeSpan lifetime)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || principal.FindFirstValue(SessionIdClaim) is not { } id)
        {
            return;
        }

        var ended = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name.StartsWith(Prefix)).ToListAsync();
        db.UserTokens.RemoveRange(ended.Where(t => long.TryParse(t.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var began)
            && DateTimeOffset.FromUnixTimeSeconds(began) + lifetime <= now));
        var signedInAt = SessionLifetime.SignedInAt(principal) ?? now;
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId,
            LoginProvider = LoginProvider,
            Name = Prefix + id,
            Value = signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync();
    }
}
