using Cohort.Core.Catalogue.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Catalogue;

public static class CatalogueServices
{
    /// <summary>The services of the catalogue's import and export.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services) => services.AddScopedEach(typeof(ImportCatalogue), typeof(ExportCatalogue));
}
