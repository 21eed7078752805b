using System.Security.Claims;
using Cohort.Core.Audit;

namespace Cohort.Web.Api.V1;

/// <summary>The token calling the API, as the audit log names it (<c>token:NAME</c>).</summary>
public static class ApiCaller
{
    public static Actor AsApiActor(this ClaimsPrincipal user) => new(null, user.FindFirstValue(ClaimTypes.Name) ?? "token:?");

    /// <summary>Whether the token may read applicants' and fellows' identities: only <c>applications:read</c> does (docs/decisions/api.md, the blind rule).</summary>
    public static bool MayIdentify(this ClaimsPrincipal user) => user.HasClaim(ApiTokenAuthentication.ScopeClaim, Core.Api.ApiScopes.ApplicationsRead);
}
