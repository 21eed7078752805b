using Cohort.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Embeddings;

public static class EmbeddingServices
{
    /// <summary>
    /// The embedding model, one per process because loading it takes seconds (it loads on first use, so a process
    /// that never compares texts never pays), the cache of vectors, scoped to the request's database context, and the
    /// job that embeds the season's texts ahead of use.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        services.AddSingleton<ITextEmbedder, MiniLmEmbedder>();
        return services.AddScopedEach(typeof(EmbeddingCache), typeof(StreamSuggestions))
            .AddJob<EmbedSeasonTexts>(EmbedSeasonTexts.Name, "Embed the season's stream and project texts, research statements and reviewers' expertise ahead of use", TimeSpan.FromMinutes(1));
    }
}
