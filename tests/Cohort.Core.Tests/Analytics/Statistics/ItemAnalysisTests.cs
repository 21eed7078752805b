using Cohort.Core.Analytics.Statistics;

namespace Cohort.Core.Tests.Analytics.Statistics;

/// <summary>
/// Item analysis against small score matrices worked out by hand (each computation is written beside its test), and the
/// point-biserial correlation checked against its own textbook formula, (M₁ − M₀)/sₙ · √(pq) (e.g. Crocker and Algina,
/// Introduction to Classical and Modern Test Theory, 1986), which shares no code with the Pearson correlation used.
/// </summary>
public sealed class ItemAnalysisTests
{
    /// <summary>
    /// Five attempts at three items scored right (1) or wrong (0); the totals are 3, 2, 1, 1, 0. A fourth column, used
    /// only where said, is an item the weakest got right and the strongest wrong, as a wrong answer key would make it.
    /// </summary>
    private static readonly double[][] RightOrWrong =
    [
        [1, 1, 1],
        [1, 1, 0],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
    ];

    private static IReadOnlyList<IReadOnlyList<double>> Rows(double[][] rows) => rows;

    [Fact]
    public void Difficulty_is_the_share_correct_or_the_mean_share_of_points()
    {
        // Item 1: three of five right, 3/5 = 0.6. An ordering item worth 4 scored 4, 2, 3 and 0: mean 9/4 = 2.25, of 4 = 0.5625.
        Assert.Equal(0.6, ItemAnalysis.Difficulty([1, 1, 1, 0, 0], 1), 12);
        Assert.Equal(0.5625, ItemAnalysis.Difficulty([4, 2, 3, 0], 4), 12);
        Assert.True(double.IsNaN(ItemAnalysis.Difficulty([], 2)));
    }

    [Fact]
    public void Discrimination_of_an_item_is_its_point_biserial_correlation_with_the_rest_of_the_test()
    {
        // Item 1 (1,1,1,0,0) against the rest, items 2 + 3 = (2,1,0,1,0). Means 0.6 and 0.8.
        // Deviations: item (.4,.4,.4,−.6,−.6), rest (1.2,.2,−.8,.2,−.8).
        // Σxy = .48 + .08 − .32 − .12 + .48 = 0.6; Σx² = 3(.16) + 2(.36) = 1.2; Σy² = 1.44 + .04 + .64 + .04 + .64 = 2.8.
        // r = 0.6 / √(1.2 × 2.8) = 0.6 / √3.36 = 0.327327.
        // Point-biserial formula: M₁ = (2+1+0)/3 = 1, M₀ = (1+0)/2 = 0.5, sₙ = √(2.8/5) = 0.748331, √(pq) = √(.6 × .4) = 0.489898:
        // 0.5 / 0.748331 × 0.489898 = 0.327327, the same.
        Assert.Equal(0.6 / Math.Sqrt(3.36), ItemAnalysis.RestCorrelation(Rows(RightOrWrong), 0), 10);
        Assert.Equal(PointBiserial([1, 1, 1, 0, 0], [2, 1, 0, 1, 0]), ItemAnalysis.RestCorrelation(Rows(RightOrWrong), 0), 10);

        // Item 3 (1,0,0,0,0) against items 1 + 2 = (2,2,1,1,0): Σxy = 0.8, Σx² = 0.8, Σy² = 2.8, r = 0.8/√2.24 = 0.534522;
        // by the formula, M₁ = 2, M₀ = 1, sₙ = 0.748331, √(.2 × .8) = 0.4: 1 / 0.748331 × 0.4 = 0.534522.
        Assert.Equal(0.8 / Math.Sqrt(2.24), ItemAnalysis.RestCorrelation(Rows(RightOrWrong), 2), 10);
        Assert.Equal(PointBiserial([1, 0, 0, 0, 0], [2, 2, 1, 1, 0]), ItemAnalysis.RestCorrelation(Rows(RightOrWrong), 2), 10);
    }

    [Fact]
    public void An_item_the_strong_get_wrong_has_a_negative_discrimination()
    {
        // The fourth item (0,0,0,1,1) against the three others, whose totals are (3,2,1,1,0): means 0.4 and 1.4.
        // Σxy = −.64 − .24 + .16 − .24 − .84 = −1.8; Σx² = 1.2; Σy² = 5.2; r = −1.8 / √6.24 = −0.720577.
        var withMiskeyed = RightOrWrong.Select((row, i) => row.Append(i >= 3 ? 1.0 : 0).ToArray()).ToArray();

        Assert.Equal(-1.8 / Math.Sqrt(6.24), ItemAnalysis.RestCorrelation(Rows(withMiskeyed), 3), 10);
    }

    [Fact]
    public void Discrimination_is_undefined_for_a_lone_item_or_one_everyone_got_right()
    {
        Assert.True(double.IsNaN(ItemAnalysis.RestCorrelation(Rows([[1], [0], [1]]), 0)));
        Assert.True(double.IsNaN(ItemAnalysis.RestCorrelation(Rows([[1, 1], [1, 0], [1, 1]]), 0)));
    }

    [Fact]
    public void Cronbach_alpha_of_right_or_wrong_items_matches_the_hand_computation()
    {
        // Item variances (n − 1): item 1, p = .6: (3 × .16 + 2 × .36)/4 = 0.3; item 2 the same, 0.3; item 3, p = .2:
        // (.64 + 4 × .04)/4 = 0.2. Σ = 0.8. Totals (3,2,1,1,0), mean 1.4: Σ(dev²) = 2.56 + .36 + .16 + .16 + 1.96 = 5.2,
        // variance 1.3. α = 3/2 × (1 − 0.8/1.3) = 1.5 × 0.5/1.3 = 15/26 = 0.576923 (= KR-20 for right-or-wrong items).
        Assert.Equal(15.0 / 26, ItemAnalysis.CronbachAlpha(Rows(RightOrWrong)), 10);
    }

    [Fact]
    public void Cronbach_alpha_of_items_with_partial_credit_matches_the_hand_computation()
    {
        // Item A (2,4,3,1): mean 2.5, Σ(dev²) = .25 + 2.25 + .25 + 2.25 = 5, variance 5/3.
        // Item B (1,3,3,1): mean 2, Σ(dev²) = 4, variance 4/3.
        // Totals (3,7,6,2): mean 4.5, Σ(dev²) = 2.25 + 6.25 + 2.25 + 6.25 = 17, variance 17/3.
        // α = 2/1 × (1 − (9/3)/(17/3)) = 2 × 8/17 = 16/17 = 0.941176.
        Assert.Equal(16.0 / 17, ItemAnalysis.CronbachAlpha(Rows([[2, 1], [4, 3], [3, 3], [1, 1]])), 10);
    }

    [Fact]
    public void Cronbach_alpha_is_undefined_for_one_item_or_totals_that_do_not_vary()
    {
        Assert.True(double.IsNaN(ItemAnalysis.CronbachAlpha(Rows([[1], [0], [1]]))));
        Assert.True(double.IsNaN(ItemAnalysis.CronbachAlpha(Rows([[1, 0], [0, 1], [1, 0]]))));
        Assert.True(double.IsNaN(ItemAnalysis.CronbachAlpha(Rows([]))));
    }

    [Fact]
    public void A_ragged_matrix_is_refused_with_a_message()
    {
        var refused = Assert.Throws<ArgumentException>(() => ItemAnalysis.CronbachAlpha(Rows([[1, 0], [1]])));
        Assert.Contains("one score per item", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_interval_of_a_correlation_follows_fisher_z()
    {
        // r = 0.5 on 28 pairs: z = atanh 0.5 = 0.549306, standard error 1/√25 = 0.2, margin 1.96 × 0.2 = 0.392;
        // tanh(0.157306) = 0.156021 and tanh(0.941306) = 0.735822.
        var (low, high) = ItemAnalysis.CorrelationInterval(0.5, 28);

        Assert.Equal(0.156021, low, 5);
        Assert.Equal(0.735822, high, 5);
        Assert.True(double.IsNaN(ItemAnalysis.CorrelationInterval(0.5, 3).Low));
    }

    /// <summary>The textbook formula for a right-or-wrong item: (M₁ − M₀)/sₙ · √(pq), sₙ the population deviation of the rest.</summary>
    private static double PointBiserial(double[] item, double[] rest)
    {
        var right = rest.Where((_, i) => item[i] == 1).Average();
        var wrong = rest.Where((_, i) => item[i] == 0).Average();
        var p = item.Average();
        var mean = rest.Average();
        var deviation = Math.Sqrt(rest.Sum(r => (r - mean) * (r - mean)) / rest.Length);
        return (right - wrong) / deviation * Math.Sqrt(p * (1 - p));
    }
}
