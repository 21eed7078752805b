using Cohort.Core.Review;

namespace Cohort.Core.Tests.Review;

/// <summary>The blended affinity: a weighted mean of the embedding's similarity and the keyword points scaled to [0, 1].</summary>
public sealed class AffinityBlendTests
{
    [Fact]
    public void The_blend_weighs_the_two_signals_by_their_share_of_the_weights()
    {
        // Worked by hand: weights 3 and 1 are shares 0.75 and 0.25; 0.75 × 0.6 + 0.25 × 4/10 = 0.45 + 0.1 = 0.55.
        var weights = new AffinityBlendOptions { EmbeddingWeight = 3, KeywordWeight = 1 };

        Assert.Equal(0.55, AffinityBlend.Of(0.6, 4, weights), 12);
        Assert.Equal(0.6, AffinityBlend.Of(0.6, 4, new AffinityBlendOptions { EmbeddingWeight = 1, KeywordWeight = 0 }), 12);
        Assert.Equal(0.4, AffinityBlend.Of(0.6, 4, new AffinityBlendOptions { EmbeddingWeight = 0, KeywordWeight = 2 }), 12);
    }

    [Fact]
    public void The_blend_stays_within_0_and_1()
    {
        var weights = new AffinityBlendOptions();

        Assert.Equal(1, AffinityBlend.Of(1, Affinity.Max, weights), 12);
        Assert.Equal(0, AffinityBlend.Of(0, 0, weights), 12);
        Assert.Equal(1, AffinityBlend.Of(1.5, Affinity.Max + 5, weights), 12);
        Assert.Equal(0, AffinityBlend.Of(-0.3, -2, weights), 12);
    }

    [Fact]
    public void The_solver_gets_the_blend_rounded_to_four_decimals()
    {
        Assert.Equal(0.1235m, AffinityBlend.Score(0.12345));
        Assert.Equal(1m, AffinityBlend.Score(0.99999));
    }

    [Fact]
    public void Negative_or_missing_weights_are_named_problems()
    {
        Assert.Empty(AffinityBlendOptions.Problems(new AffinityBlendOptions()));
        Assert.Contains("Cohort:Affinity:KeywordWeight must be a number of 0 or more", Assert.Single(AffinityBlendOptions.Problems(new AffinityBlendOptions { KeywordWeight = -1, EmbeddingWeight = 2 })));
        Assert.Contains("cannot both be 0", Assert.Single(AffinityBlendOptions.Problems(new AffinityBlendOptions { KeywordWeight = 0, EmbeddingWeight = 0 })));
    }
}
