using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Embeddings;

public static class EmbeddingServices
{
    /// <summary>
    /// The embedding model, one per process because loading it takes seconds (it loads on first use, so a process
    /// that never compares texts never pays), and the cache of vectors, scoped to the request's database context.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        services.AddSingleton<ITextEmbedder, MiniLmEmbedder>();
        return services.AddScopedEach(typeof(EmbeddingCache));
    }
}
