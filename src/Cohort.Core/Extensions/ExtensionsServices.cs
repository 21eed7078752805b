using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Extensions;

public static class ExtensionsServices
{
    /// <summary>The use cases of extension rounds: applying, endorsing and deciding.</summary>
    public static IServiceCollection AddExtensions(this IServiceCollection services) =>
        services.AddScopedEach(typeof(ApplyForExtension), typeof(EndorseExtension), typeof(DecideExtensions));
}
