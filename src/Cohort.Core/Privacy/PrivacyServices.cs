using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Privacy;

public static class PrivacyServices
{
    /// <summary>Personal data: an applicant's request for erasure, and the erasure an admin (or the retention purge) carries out.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services) => services
        .AddScopedEach(typeof(RequestErasure), typeof(EraseApplicant));
}
