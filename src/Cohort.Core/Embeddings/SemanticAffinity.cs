namespace Cohort.Core.Embeddings;

/// <summary>Two sentences that brought two texts together, and how close they are (a cosine, 0 to 1).</summary>
public sealed record PhrasePair(string ItemSentence, string ReviewerSentence, double Similarity);

/// <summary>
/// How close in meaning each item's text (a research statement) is to each reviewer's (an expertise statement), by a
/// <see cref="SemanticMethod"/>. Texts are embedded once, through the cache when there is one; an item and a reviewer
/// are then compared by their indices. A score is the method's cosine clamped to [0, 1]: 1 for identical texts, and a negative
/// cosine (texts further apart than unrelated ones) counts as nothing.
/// </summary>
public sealed class SemanticAffinity
{
    /// <summary>
    /// Below this many texts, the corpus mean is mostly the texts being compared, not what research statements share,
    /// so centring is skipped.
    /// </summary>
    public const int LeastTextsToCentre = 8;

    private readonly Side items;
    private readonly Side reviewers;
    private readonly SemanticMethod method;

    private SemanticAffinity(Side items, Side reviewers, SemanticMethod method, string model) =>
        (this.items, this.reviewers, this.method, Model) = (items, reviewers, method, model);

    public string Model { get; }

    /// <summary>
    /// Embeds the <paramref name="items"/>' and the <paramref name="reviewers"/>' texts (each distinct unit once) and
    /// prepares them for comparison; <see cref="Score"/> and <see cref="Why"/> then take an index into each list.
    /// </summary>
    public static async Task<SemanticAffinity> BuildAsync(
        IReadOnlyList<string> items, IReadOnlyList<string> reviewers, ITextVectors source, SemanticMethod method, CancellationToken cancellation = default)
    {
        var itemUnits = items.Select(method.UnitsOf).ToArray();
        var reviewerUnits = reviewers.Select(method.UnitsOf).ToArray();
        var distinct = itemUnits.Concat(reviewerUnits).SelectMany(u => u).Distinct(StringComparer.Ordinal).ToList();
        var embedded = await source.GetOrComputeAsync(distinct, cancellation);
        var byUnit = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int i = 0; i < distinct.Count; i++)
        {
            byUnit[distinct[i]] = embedded[i];
        }

        var itemSide = new Side(itemUnits, [.. itemUnits.Select(u => u.Select(s => byUnit[s]).ToArray())]);
        var reviewerSide = new Side(reviewerUnits, [.. reviewerUnits.Select(u => u.Select(s => byUnit[s]).ToArray())]);
        return method.Centring switch
        {
            Centring.Corpus when items.Count + reviewers.Count >= LeastTextsToCentre =>
                new(itemSide.Centred(Mean(itemSide, reviewerSide)), reviewerSide.Centred(Mean(itemSide, reviewerSide)), method, source.Model),
            Centring.EachSide when Math.Min(items.Count, reviewers.Count) >= LeastTextsToCentre =>
                new(itemSide.Centred(Mean(itemSide)), reviewerSide.Centred(Mean(reviewerSide)), method, source.Model),
            _ => new(itemSide, reviewerSide, method, source.Model),
        };
    }

    /// <summary>How close text <paramref name="item"/> is to text <paramref name="reviewer"/>, in [0, 1].</summary>
    public double Score(int item, int reviewer)
    {
        var (a, b) = (items.Vectors[item], reviewers.Vectors[reviewer]);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        double raw = method.Pairing switch
        {
            SentencePairing.ClosestPair => ClosestPairsMean(a, b, 1),
            SentencePairing.ClosestPairsMean => ClosestPairsMean(a, b, SemanticMethod.ClosestPairsCounted),
            _ when method.Symmetric => (BestMatchMean(a, b) + BestMatchMean(b, a)) / 2,
            _ => BestMatchMean(a, b),
        };
        return Math.Clamp(raw, 0, 1);
    }

    /// <summary>
    /// The <paramref name="count"/> closest sentence pairs of the two texts, closest first, each sentence of the item
    /// at most once: the "why" shown beside an affinity.
    /// </summary>
    public IReadOnlyList<PhrasePair> Why(int item, int reviewer, int count = 3)
    {
        var (a, b) = (items.Vectors[item], reviewers.Vectors[reviewer]);
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
                best.Add(new PhrasePair(items.Units[item][i], reviewers.Units[reviewer][closest], Math.Clamp(similarity, 0, 1)));
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

    private static double ClosestPairsMean(float[][] from, float[][] to, int count)
    {
        var cosines = from.SelectMany(x => to.Select(y => EmbeddingVectors.Dot(x, y)));
        return cosines.OrderDescending().Take(count).Average();
    }

    private static float[] Mean(params Side[] sides) => EmbeddingVectors.Mean(sides.SelectMany(s => s.Vectors).SelectMany(v => v));

    /// <summary>One side's texts: the units of each text, and their vectors.</summary>
    private sealed record Side(IReadOnlyList<string>[] Units, float[][][] Vectors)
    {
        public Side Centred(float[] mean) => this with { Vectors = [.. Vectors.Select(v => v.Select(x => EmbeddingVectors.Centred(x, mean)).ToArray())] };
    }
}
