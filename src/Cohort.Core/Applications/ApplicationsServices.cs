using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Applications;

public static class ApplicationsServices
{
    /// <summary>The services of the general application.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services) => services.AddScopedEach(typeof(SaveDraft), typeof(SubmitApplication), typeof(StoreUpload), typeof(WithdrawApplication));
}
