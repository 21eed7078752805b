namespace Cohort.Core.Embeddings;

/// <summary>Where vectors come from: the database's cache (<see cref="EmbeddingCache"/>) or the model itself (<see cref="UncachedVectors"/>).</summary>
public interface ITextVectors
{
    /// <summary>The model the vectors are from.</summary>
    string Model { get; }

    /// <summary>One vector per text, in the texts' order.</summary>
    Task<IReadOnlyList<float[]>> GetOrComputeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default);
}

/// <summary>Vectors straight from the model, for work that keeps nothing: the command line and the bench.</summary>
public sealed class UncachedVectors(ITextEmbedder embedder) : ITextVectors
{
    public string Model => embedder.Model;

    public Task<IReadOnlyList<float[]>> GetOrComputeAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default) =>
        Task.FromResult(embedder.Embed(texts));
}
