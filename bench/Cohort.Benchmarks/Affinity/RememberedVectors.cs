using System.Collections.Concurrent;
using Cohort.Core.Embeddings;

namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// Vectors from the model, each text embedded once per run: the bench builds many methods over the same sentences,
/// and what it measures is the methods, not the model's time (measured apart, without this).
/// </summary>
public sealed class RememberedVectors(ITextEmbedder embedder) : ITextVectors
{
    private readonly ConcurrentDictionary<string, float[]> known = new(StringComparer.Ordinal);

    public string Model => embedder.Model;

    public Task<IReadOnlyList<float[]>> GetOrComputeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        var missing = texts.Where(t => !known.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        var embedded = embedder.Embed(missing);
        for (int k = 0; k < missing.Count; k++)
        {
            known[missing[k]] = embedded[k];
        }

        return Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(t => known[t])]);
    }
}
