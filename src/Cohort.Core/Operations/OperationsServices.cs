using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Operations;

public static class OperationsServices
{
    /// <summary>What an operator runs from the command line: backup, restore and the check-up (`cohort doctor`).</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services) =>
        services.AddScopedEach(typeof(BackUpDatabase), typeof(RestoreDatabase), typeof(CheckUp));
}
