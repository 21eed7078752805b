namespace Cohort.Core.Review;

/// <summary>
/// The weights of the blended affinity (section "Cohort:Affinity"): how much the embedding's similarity counts
/// against the keyword and tag points. Only their ratio matters: they are scaled to sum to 1. The defaults are
/// the best blend measured on the evaluation set (docs/affinity.md).
/// </summary>
public sealed class AffinityBlendOptions
{
    public const string Section = "Cohort:Affinity";

    public double EmbeddingWeight { get; set; } = 0.6;

    public double KeywordWeight { get; set; } = 0.4;

    /// <summary>The embedding's share of the blend, 0 to 1.</summary>
    public double EmbeddingShare => EmbeddingWeight / (EmbeddingWeight + KeywordWeight);

    public static IEnumerable<string> Problems(AffinityBlendOptions options)
    {
        foreach (var (key, value) in new[] { (nameof(EmbeddingWeight), options.EmbeddingWeight), (nameof(KeywordWeight), options.KeywordWeight) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                yield return $"{Section}:{key} must be a number of 0 or more, such as 0.5; it is {value}.";
            }
        }

        if (options.EmbeddingWeight + options.KeywordWeight <= 0)
        {
            yield return $"{Section}:{nameof(EmbeddingWeight)} and {Section}:{nameof(KeywordWeight)} cannot both be 0: one of the two signals must count.";
        }
    }
}
