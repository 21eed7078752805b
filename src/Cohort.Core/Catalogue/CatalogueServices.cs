using Cohort.Core.Catalogue.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Catalogue;

public static class CatalogueServices
{
    /// <summary>The services of the catalogue's import and export, and this process's <see cref="PublicContentVersion"/>.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services) =>
        services.AddSingleton<PublicContentVersion>().AddScopedEach(typeof(ImportCatalogue), typeof(ExportCatalogue));
}
