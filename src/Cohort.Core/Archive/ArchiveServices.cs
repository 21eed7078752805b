using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Archive;

public static class ArchiveServices
{
    /// <summary>The season archive: its export and its import into an empty database.</summary>
    public static IServiceCollection AddSeasonArchive(this IServiceCollection services) =>
        services.AddScopedEach(typeof(ExportSeason), typeof(ImportSeason));
}
