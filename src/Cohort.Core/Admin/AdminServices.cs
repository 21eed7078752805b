using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Admin;

public static class AdminServices
{
    /// <summary>The services of the admin overview.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services.AddScopedEach(typeof(NeedsAttention));
}
