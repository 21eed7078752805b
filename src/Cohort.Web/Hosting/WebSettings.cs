using Cohort.Core.Configuration;
using Cohort.Demo;

namespace Cohort.Web.Hosting;

/// <summary>The web host's settings (section "Cohort"), bound and checked at start like every other section.</summary>
public static class WebSettings
{
    public static IServiceCollection AddCohortWebSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CohortWebOptions>(configuration.GetSection(CohortWebOptions.Section))
            .Check<CohortWebOptions, IHostEnvironment>((options, environment) => CohortWebOptions.Problems(options, environment.EnvironmentName))
            .Check<CohortWebOptions, IHostEnvironment>((options, environment) => DemoSeedPolicy.SettingProblems(options.SeedDemo, environment.EnvironmentName));
        return services;
    }
}
