namespace Cohort.Core.Embeddings;

/// <summary>
/// A sentence-embedding model: each text becomes a unit-length vector whose dot product with another's says how close
/// their meanings are. <see cref="Model"/> names the model and its version, so vectors from different models are
/// never compared or mixed up in the cache.
/// </summary>
public interface ITextEmbedder
{
    string Model { get; }

    /// <summary>One L2-normalised vector per text, in the texts' order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts);
}
