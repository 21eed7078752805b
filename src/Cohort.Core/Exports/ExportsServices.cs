using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Exports;

public static class ExportsServices
{
    /// <summary>The exporter and every kind, one line each; the admin page lists them in this order.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<Exporter>();
        services.AddExportKind<ApplicationsExport>();
        services.AddExportKind<AttemptsExport>();
        services.AddExportKind<StreamApplicationsExport>();
        services.AddExportKind<ReviewsExport>();
        services.AddExportKind<RankingsExport>();
        services.AddExportKind<DecisionsExport>();
        services.AddExportKind<MatchRunsExport>();
        services.AddExportKind<OffersExport>();
        services.AddExportKind<ProjectsExport>();
        services.AddExportKind<FellowsExport>();
        services.AddExportKind<MilestonesExport>();
        services.AddExportKind<ArtifactsExport>();
        services.AddExportKind<ExtensionsExport>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TKind"/> as itself and as one of the <see cref="ExportKind"/>s the exporter runs.</summary>
    public static IServiceCollection AddExportKind<TKind>(this IServiceCollection services)
        where TKind : ExportKind
    {
        services.AddScoped<TKind>();
        services.AddScoped<ExportKind>(provider => provider.GetRequiredService<TKind>());
        return services;
    }
}
