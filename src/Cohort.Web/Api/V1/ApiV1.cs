using System.Security.Claims;
using System.Threading.RateLimiting;
using Cohort.Core.Api;
using Cohort.Core.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The token API under <c>/api/v1</c>: bearer tokens only (<see cref="ApiTokenAuthentication"/>), one scope per
/// operation (<see cref="ApiScopePolicies"/>), a rate limit per token, and every call audited under <c>token:NAME</c>.
/// See docs/decisions/api.md.
/// </summary>
public static class ApiV1
{
    public const string Prefix = "/api/v1";
    public const string RateLimit = "api-v1";

    public static IServiceCollection AddApiV1(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiScopePolicies();
        services.AddApiV1Document();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CohortWebOptions>>((options, cohort) =>
        {
            var permits = cohort.Value.RateLimit.ApiRequestsPerMinute;
            // The limiter runs before authentication, so it partitions by the secret's hash, which names exactly one
            // token; a made-up secret gets a bucket of its own and then a cheap 401.
            options.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                ApiTokenAuthentication.BearerOf(http.Request) is { } secret ? ApiTokenSecret.Hash(secret) : ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static void MapApiV1(this IEndpointRouteBuilder routes)
    {
        // The audit filter is outermost, so a replayed write is audited like any other call.
        var api = routes.MapGroup(Prefix).RequireRateLimiting(RateLimit).AddEndpointFilter(AuditAsync).WithIdempotencyKeys();
        api.MapSeasons();
        api.MapCatalogueWrites();
        api.MapDecisionWrites();
        api.MapReviewerPoolWrites();
        api.MapCatalogueReads();
        api.MapApplications();
        api.MapExports();
        api.MapReviews();
        api.MapScores();
        api.MapDecisions();
        api.MapMatch();
        api.MapProgramme();
        api.MapImports();
        routes.MapApiV1Document();
        routes.MapApiV1Docs();
    }

    /// <summary>One audit entry per call that got past authorization: the token, the method, the path and the status.</summary>
    private static async ValueTask<object?> AuditAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var services = http.RequestServices;
        services.GetRequiredService<AuditLog>().Record(
            http.User.AsApiActor(),
            $"api.{http.Request.Method.ToLowerInvariant()}",
            $"{http.Request.Path}{http.Request.QueryString}",
            $"status {status}");
        await services.GetRequiredService<CohortDbContext>().SaveChangesAsync(http.RequestAborted);
        return result;
    }
}
