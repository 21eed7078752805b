using System.Globalization;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Accounts;

/// <summary>
/// Identity's authenticator (TOTP, RFC 6238) check, with each code good for one use: Identity accepts a code for
/// 90 seconds either side of its time step, so without this a code read over someone's shoulder would sign in again.
/// The last accepted code is kept in Identity's own token table.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider clock) : AuthenticatorTokenProvider<CohortUser>
{
    private const string LoginProvider = "[Cohort]";
    private const string LastCodeName = "LastAuthenticatorCode";

    // A code is valid across five 30-second steps (two either side of its own).
    private static readonly TimeSpan CodeLife = TimeSpan.FromSeconds(150);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CohortUser> manager, CohortUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastCodeName) is { } last
            && last.Split('@') is [var code, var at]
            && code == token
            && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < CodeLife)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastCodeName, $"{token}@{now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return true;
    }
}
