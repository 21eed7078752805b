using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

public static class DemoServices
{
    /// <summary>The demo's seeders, for the hosts that may seed it (<see cref="DemoSeedPolicy"/>); they need <c>AddCohortCore</c>.</summary>
    public static IServiceCollection AddCohortDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeason>();
        services.AddScoped<DemoActivity>();
        services.AddScoped<DemoPastSeason>();
        services.AddScoped<DemoProgramme>();
        services.AddScoped<DemoArtifacts>();
        services.AddScoped<DemoExtensions>();
        services.AddScoped<DemoAnalyticsMatch>();
        return services;
    }
}
