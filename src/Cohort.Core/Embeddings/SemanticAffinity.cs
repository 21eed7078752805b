namespace Cohort.Core.Embeddings;

/// <summary>Two sentences that brought two texts together, and how close they are (a cosine, 0 to 1).</summary>
public sealed record PhrasePair(string ItemSentence, string ReviewerSentence, double Similarity);

/// <summary>
/// How close in meaning the texts in play are to each other (a season's statements, or the command line's input),
/// by a <see cref="SemanticMethod"/>. Texts are embedded once, through the cache when there is one; each text is then
/// compared by its index. A score is the method's cosine clamped to [0, 1]: 1 for identical texts, and a negative
/// cosine (texts further apart than unrelated ones) counts as nothing.
/// </summary>
public sealed class SemanticAffinity
{
    /// <summary>
    /// Below this many texts, the corpus mean is mostly the texts being compared, not what research statements share,
    /// so centring is skipped.
    /// </summary>
    public const int LeastTextsToCentre = 8;

    private readonly IReadOnlyList<string>[] sentences;
    private readonly float[][][] vectors;
    private readonly SemanticMethod method;

    private SemanticAffinity(IReadOnlyList<string>[] sentences, float[][][] vectors, SemanticMethod method, string model) =>
        (this.sentences, this.vectors, this.method, Model) = (sentences, vectors, method, model);

    public string Model { get; }

    /// <summary>Embeds <paramref name="texts"/> (each distinct unit once) and prepares them for comparison.</summary>
    public static async Task<SemanticAffinity> BuildAsync(
        IReadOnlyList<string> texts, ITextVectors source, SemanticMethod method, CancellationToken cancellation = default)
    {
        var units = texts.Select(t => method.BySentence ? SentenceSplitter.Split(t) : UnitsOfWhole(t)).ToArray();
        var distinct = units.SelectMany(u => u).Distinct(StringComparer.Ordinal).ToList();
        var embedded = await source.GetOrComputeAsync(distinct, cancellation);
        var byUnit = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int i = 0; i < distinct.Count; i++)
        {
            byUnit[distinct[i]] = embedded[i];
        }

        var vectors = units.Select(u => u.Select(s => byUnit[s]).ToArray()).ToArray();
        if (method.Centred && texts.Count >= LeastTextsToCentre)
        {
            var mean = EmbeddingVectors.Mean(vectors.SelectMany(v => v));
            vectors = [.. vectors.Select(v => v.Select(x => EmbeddingVectors.Centred(x, mean)).ToArray())];
        }

        return new SemanticAffinity(units, vectors, method, source.Model);
    }

    /// <summary>How close text <paramref name="item"/> is to text <paramref name="reviewer"/>, in [0, 1].</summary>
    public double Score(int item, int reviewer)
    {
        var (a, b) = (vectors[item], vectors[reviewer]);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        double raw = method.Symmetric ? (BestMatchMean(a, b) + BestMatchMean(b, a)) / 2 : BestMatchMean(a, b);
        return Math.Clamp(raw, 0, 1);
    }

    /// <summary>
    /// The <paramref name="count"/> closest sentence pairs of the two texts, closest first, each sentence of the item
    /// at most once: the "why" shown beside an affinity.
    /// </summary>
    public IReadOnlyList<PhrasePair> Why(int item, int reviewer, int count = 3)
    {
        var (a, b) = (vectors[item], vectors[reviewer]);
        var best = new List<PhrasePair>();
        for (int i = 0; i < a.Length; i++)
        {
            int closest = -1;
            float similarity = float.MinValue;
            for (int j = 0; j < b.Length; j++)
            {
                float cosine = EmbeddingVectors.Dot(a[i], b[j]);
                if (cosine > similarity)
                {
                    (closest, similarity) = (j, cosine);
                }
            }

            if (closest >= 0)
            {
                best.Add(new PhrasePair(sentences[item][i], sentences[reviewer][closest], Math.Clamp(similarity, 0, 1)));
            }
        }

        return [.. best.OrderByDescending(p => p.Similarity).Take(count)];
    }

    // With one vector on each side, this is the plain cosine of the whole texts.
    private static double BestMatchMean(float[][] from, float[][] to)
    {
        double sum = 0;
        foreach (var x in from)
        {
            float best = float.MinValue;
            foreach (var y in to)
            {
                best = Math.Max(best, EmbeddingVectors.Dot(x, y));
            }

            sum += best;
        }

        return sum / from.Length;
    }

    private static IReadOnlyList<string> UnitsOfWhole(string text) => string.IsNullOrWhiteSpace(text) ? [] : [text.Trim()];
}
