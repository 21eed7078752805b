namespace Cohort.Core.Embeddings;

/// <summary>
/// A text's vector under one model, kept so that a text is embedded once: a statement saved again unchanged, or
/// shared by two rounds, is read back instead. The text itself is not stored, only its hash, so the cache holds
/// nothing an erasure would have to find.
/// </summary>
public class TextEmbedding
{
    public int Id { get; set; }

    public string Model { get; set; } = "";

    /// <summary>SHA-256 of the model's name, a line feed and the text, as 64 lower-case hex digits (<see cref="EmbeddingCache.HashOf"/>).</summary>
    public string TextHash { get; set; } = "";

    public int Dimensions { get; set; }

    /// <summary>The vector as little-endian float32, <see cref="Dimensions"/> × 4 bytes (<see cref="EmbeddingVectors.ToBytes"/>).</summary>
    public byte[] Vector { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
