using Cohort.Core.Api;
using Microsoft.AspNetCore.Authorization;

namespace Cohort.Web.Api.V1;

/// <summary>One authorization policy per scope, each authenticating with the token scheme only.</summary>
public static class ApiScopePolicies
{
    /// <summary>The policy an endpoint names to need <paramref name="scope"/>.</summary>
    public static string For(string scope) => $"api:{scope}";

    public static AuthorizationBuilder AddApiScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(For(scope), policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiTokenAuthentication.ScopeClaim, scope));
        }

        return authorization;
    }

    /// <summary>Requires <paramref name="scope"/> of the token calling the endpoint.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string scope)
        where TBuilder : IEndpointConventionBuilder => endpoint.RequireAuthorization(For(scope));
}
