using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Imports;

public static class ImportsServices
{
    /// <summary>The imports of people from CSV: applicants with their general applications, and the reviewer pool.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScopedEach(typeof(ImportApplicants), typeof(ImportReviewers));
}
