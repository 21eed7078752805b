using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cohort.Web.Hosting;

/// <summary>Readiness: Core's <see cref="DatabaseReadiness"/> as a health check; its reason is logged by the health service.</summary>
public sealed class DatabaseHealthCheck(CohortDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await DatabaseReadiness.ProblemAsync(db, cancellationToken) is { } problem
            ? new HealthCheckResult(context.Registration.FailureStatus, problem)
            : HealthCheckResult.Healthy();
}
