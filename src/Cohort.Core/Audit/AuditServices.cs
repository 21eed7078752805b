using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Audit;

public static class AuditServices
{
    /// <summary>The services of the audit log.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScopedEach(typeof(AuditLog));
}
