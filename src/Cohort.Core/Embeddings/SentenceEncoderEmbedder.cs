using SentenceTransformers;

namespace Cohort.Core.Embeddings;

/// <summary>
/// A model of the <c>SentenceTransformers.*</c> packages, run in process by ONNX Runtime on the CPU: nothing is sent
/// anywhere. Loading the model takes seconds, so one instance per process (a singleton) loads it on first use, and
/// texts are embedded in batches.
/// </summary>
public abstract class SentenceEncoderEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>
    /// Texts per call to the model. The packages pad a batch to its longest text, so texts are embedded in order of
    /// length: a batch then holds texts of about one length and little padding is computed for nothing.
    /// </summary>
    private const int BatchSize = 32;

    private readonly Lazy<ISentenceEncoder> encoder;

    protected SentenceEncoderEmbedder(Func<ISentenceEncoder> load) =>
        encoder = new(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public abstract string Model { get; }

    public virtual IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
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
        if (encoder.IsValueCreated && encoder.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
