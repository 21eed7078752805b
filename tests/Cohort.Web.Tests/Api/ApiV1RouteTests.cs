using System.Net;
using Cohort.Web.Api.V1;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Api;

/// <summary>Every /api/v1 route declares the scope it needs; and each token has its own rate limit, answered with Retry-After.</summary>
public sealed class ApiV1RouteTests(ApiV1RouteTests.LimitedApp app) : IClassFixture<ApiV1RouteTests.LimitedApp>
{
    public const int Permits = 3;

    public sealed class LimitedApp() : CohortApp(Cohort.Core.Data.DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Cohort:RateLimit:ApiRequestsPerMinute", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The /api/v1 operations: every route under the prefix but the public document that describes them.</summary>
    public static List<RouteEndpoint> Operations(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')) is var route
                && route.StartsWith(ApiV1.Prefix + "/", StringComparison.Ordinal) && route != ApiV1Document.Path)
            .ToList();

    [Fact]
    public void Every_api_v1_route_requires_exactly_one_scope_policy()
    {
        var routes = Operations(app.Services);

        Assert.NotEmpty(routes);
        Assert.All(routes, route =>
        {
            var policies = route.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count(p => p is not null && p.StartsWith("api:", StringComparison.Ordinal)) == 1 && policies.All(p => p?.StartsWith("api:", StringComparison.Ordinal) == true),
                $"{route.RoutePattern.RawText} must name one scope with RequireScope, and no other policy; it names [{string.Join(", ", policies)}].");
            Assert.Null(route.Metadata.GetMetadata<IAllowAnonymous>());
        });
    }

    [Fact]
    public async Task Each_token_has_its_own_limit_and_the_refusal_says_when_to_retry()
    {
        var busy = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "busy", "catalogue:read"));
        var calm = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "calm", "catalogue:read"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= Permits; i++)
        {
            answers.Add((await busy.GetAsync("/api/v1/seasons")).StatusCode);
        }

        var refused = await busy.GetAsync("/api/v1/seasons");
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Permits), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/seasons")).StatusCode);
    }
}
