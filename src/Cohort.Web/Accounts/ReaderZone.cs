using System.Security.Claims;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Accounts;

/// <summary>
/// The time zone a page is written in: the signed-in person's recorded zone, else UTC. The zone travels as a claim,
/// which the principal gets afresh from the database on every request (see EveryRequestStampValidator), so a zone
/// changed on the account page shows on the next page.
/// </summary>
public static class ReaderZone
{
    public const string ClaimType = "cohort:time-zone";

    /// <summary>The reader's zone, or null for UTC.</summary>
    public static TimeZoneInfo? Of(ClaimsPrincipal user) => TimeZones.Find(user.FindFirstValue(ClaimType)) is { } zone && !TimeZones.IsUtc(zone) ? zone : null;

    /// <summary>The reader's zone, UTC when they have none: for pages that convert times themselves (the analytics).</summary>
    public static TimeZoneInfo OrUtc(ClaimsPrincipal user) => Of(user) ?? TimeZoneInfo.Utc;
}

/// <summary>Identity's principal for an account, with its time zone as a <see cref="ReaderZone.ClaimType"/> claim.</summary>
public sealed class ZoneClaimsFactory(UserManager<CohortUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CohortUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CohortUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (TimeZones.Normalise(user.TimeZoneId) is { } zone)
        {
            identity.AddClaim(new Claim(ReaderZone.ClaimType, zone));
        }

        return identity;
    }
}
