using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Telemetry;

public static class TelemetryServices
{
    /// <summary>
    /// Cohort's counters, on a meter made by the host's <c>IMeterFactory</c> (added here for hosts without one, such
    /// as the command line): meters of one factory are told apart from another host's in the same process.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        return services.AddSingleton<CohortMetrics>();
    }
}
