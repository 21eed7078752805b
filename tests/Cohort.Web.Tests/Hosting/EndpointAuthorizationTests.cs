using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// Walks every endpoint the app maps. A new endpoint is covered without anyone remembering to add a test:
/// unless it is on the public list below, an anonymous request must be sent to sign-in (pages) or get 401 (API).
/// </summary>
public abstract partial class EndpointAuthorizationTests(CohortApp app)
{
    /// <summary>The public surface, on purpose. Adding to it is a decision a reviewer should see in the diff.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "", "Index", "tracks/{slug}", "streams", "streams/{slug}", "mentors/{slug}", "faq", "dates", "dates.ics", "eligibility",
        "account/sign-in", "account/sign-in/code", "account/sign-up", "account/sign-out", "account/forgot-password", "account/reset-password",
        "account/check-your-mail", "account/confirm-email", "account/confirm-email/resend", "account/invitation",
        "account/access-denied", "error", "status/{code:int}", "api/streams",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Only_the_declared_public_routes_allow_anonymous_access()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .ToHashSet();

        Assert.Empty(anonymous.Except(PublicRoutes));
        Assert.Empty(PublicRoutes.Except(anonymous));
    }

    [Fact]
    public async Task Every_other_endpoint_sends_an_anonymous_request_to_sign_in_or_answers_401()
    {
        var browser = app.NewBrowser();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var url = SampleUrl(endpoint);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                using var response = await browser.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                var toSignIn = status == 302 && response.Headers.Location!.ToString().Contains("/account/sign-in", StringComparison.Ordinal);
                Assert.True(toSignIn || status == 401, $"{method} {url} answered {status} {response.Headers.Location} to an anonymous request");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 10, $"only {checkedCount} protected endpoints found");
    }

    [Fact]
    public async Task An_applicant_is_refused_every_admin_page_and_the_admin_api()
    {
        using var applicant = await app.AsAsync(Roles.Applicant);
        var adminEndpoints = Endpoints().Where(e => e.RoutePattern.RawText!.Trim('/').StartsWith("admin", StringComparison.Ordinal)
            || e.RoutePattern.RawText!.Contains("api/admin", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(adminEndpoints);
        foreach (var endpoint in adminEndpoints)
        {
            var url = SampleUrl(endpoint);
            using var response = await applicant.Client.GetAsync(url);
            var status = (int)response.StatusCode;
            var denied = status == 403 || (status == 302 && response.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal));
            Assert.True(denied, $"GET {url} answered {status} to an applicant");
        }
    }

    /// <summary>The endpoint's route with each parameter filled in with a value its constraint accepts.</summary>
    private static string SampleUrl(RouteEndpoint endpoint) =>
        "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.Trim('/'), p => p.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "sample");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

public sealed class EndpointAuthorizationOnSqlite(SqliteApp app) : EndpointAuthorizationTests(app), IClassFixture<SqliteApp>;

public sealed class EndpointAuthorizationOnPostgres(PostgresApp app) : EndpointAuthorizationTests(app), IClassFixture<PostgresApp>;
