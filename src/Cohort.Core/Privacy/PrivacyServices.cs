using Cohort.Core.Configuration;
using Cohort.Core.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Privacy;

public static class PrivacyServices
{
    /// <summary>
    /// Personal data: an applicant's request for erasure, the erasure an admin carries out, and the retention setting
    /// (checked at start) with the purge it drives and its daily job.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RetentionOptions>(configuration.GetSection(RetentionOptions.Section)).Check(RetentionOptions.Problems);
        return services
            .AddJob<ApplicantRetention>(ApplicantRetention.Name, "Erase applicants of seasons that ended longer ago than Cohort:RetainApplicantsForMonths", TimeSpan.FromDays(1))
            .AddScopedEach(typeof(RequestErasure), typeof(DeclineErasure), typeof(EraseApplicant), typeof(PurgeExpiredApplicants));
    }
}
