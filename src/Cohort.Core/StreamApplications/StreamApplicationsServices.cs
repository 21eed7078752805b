using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.StreamApplications;

public static class StreamApplicationsServices
{
    /// <summary>The services of applications to streams.</summary>
    public static IServiceCollection AddStreamApplications(this IServiceCollection services) => services.AddScopedEach(
        typeof(ChooseStreams), typeof(SaveStreamAnswers), typeof(SubmitStreamApplication),
        typeof(WithdrawStreamApplication));
}
