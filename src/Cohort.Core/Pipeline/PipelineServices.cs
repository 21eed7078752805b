using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Pipeline;

public static class PipelineServices
{
    /// <summary>The services of finding applications and deciding them.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services) => services.AddScopedEach(typeof(FindApplications), typeof(DecideApplications));
}
