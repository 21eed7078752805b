using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cohort.Web.Hosting;

/// <summary>
/// What a load balancer or a service manager polls: <c>/healthz/live</c> answers while the process serves requests,
/// <c>/healthz/ready</c> only while the database answers and has every migration of this build. Each says
/// "Healthy" (200) or "Unhealthy" (503) and nothing else, to anyone: the reason goes to the log, never to the caller.
/// </summary>
public static class Health
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    private const string ReadinessTag = "ready";

    // Under a probe's usual timeout, so a database that hangs is reported as unhealthy rather than as a probe timeout.
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddCohortHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadinessTag], timeout: DatabaseTimeout);
        return services;
    }

    /// <summary>
    /// Maps both endpoints for GET alone (what probes send, and what the authorization matrix can try), open to
    /// anonymous callers and outside every rate limit, so a busy sign-in form never makes an instance look dead.
    /// The health middleware sends <c>Cache-Control: no-store</c> itself, and its plain-text body keeps the status
    /// code pages from replacing a 503 with the readable error page.
    /// </summary>
    public static IEndpointRouteBuilder MapCohortHealth(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: a process that can answer at all is alive, and restarting it would not mend a database.
        Map(endpoints, LivePath, _ => false);
        Map(endpoints, ReadyPath, check => check.Tags.Contains(ReadinessTag));
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<HealthCheckRegistration, bool> predicate) =>
        endpoints.MapHealthChecks(path, new HealthCheckOptions { Predicate = predicate })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous()
            .DisableRateLimiting();
}
