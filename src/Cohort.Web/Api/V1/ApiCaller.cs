using System.Security.Claims;
using Cohort.Core.Audit;

namespace Cohort.Web.Api.V1;

/// <summary>The token calling the API, as the audit log names it (<c>token:NAME</c>).</summary>
public static class ApiCaller
{
    public static Actor AsApiActor(this ClaimsPrincipal user) => new(null, user.FindFirstValue(ClaimTypes.Name) ?? "token:?");
}
