namespace Cohort.Core.Review;

/// <summary>
/// The affinity assignment maximises, in [0, 1]: the embedding's similarity of the reviewer's expertise statement and
/// the subject's research statement (<see cref="Embeddings.SemanticAffinity"/>, already in [0, 1]) blended with the
/// keyword and tag points of <see cref="Affinity"/> scaled to [0, 1] by their maximum:
/// <c>embeddingShare × semantic + (1 − embeddingShare) × points / Affinity.Max</c>. Bids adjust the blend afterwards.
/// </summary>
public static class AffinityBlend
{
    /// <summary>
    /// Decimals kept in the score handed to the solver: it scales scores to exact integers by their decimals
    /// (Cohort.Matching's ScoreScale), and four tell apart differences far finer than the model's own noise.
    /// </summary>
    public const int ScoreDecimals = 4;

    public static double Of(double semantic, int keywordPoints, AffinityBlendOptions weights)
    {
        double share = weights.EmbeddingShare;
        double keyword = Math.Clamp(keywordPoints, 0, Affinity.Max) / (double)Affinity.Max;
        return Math.Clamp(share * Math.Clamp(semantic, 0, 1) + (1 - share) * keyword, 0, 1);
    }

    /// <summary>An affinity as the solver's score: rounded to <see cref="ScoreDecimals"/> decimals.</summary>
    public static decimal Score(double affinity) => Math.Round((decimal)affinity, ScoreDecimals, MidpointRounding.AwayFromZero);
}
