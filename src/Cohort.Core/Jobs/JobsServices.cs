using Cohort.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Jobs;

public static class JobsServices
{
    /// <summary>
    /// The jobs' settings, checked at start, and the runner that claims and runs them. Each feature registers its own
    /// jobs with <see cref="AddJob{TJob}"/>; the web host adds <see cref="JobHost"/>, which wakes the runner.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<JobsOptions>(configuration.GetSection(JobsOptions.Section))
            .Check<JobsOptions, IEnumerable<JobDefinition>>(JobsOptions.Problems);
        services.AddSingleton<JobRunner>();
        return services.AddScopedEach(typeof(JobBoard));
    }

    /// <summary>Registers a job under <paramref name="name"/> (lower-case words with dashes), run once every <paramref name="period"/> by default.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string name, string title, TimeSpan period)
        where TJob : class, IJob
    {
        services.AddSingleton(new JobDefinition(name, title, period, typeof(TJob)));
        return services.AddScoped<TJob>();
    }
}
