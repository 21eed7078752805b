using Cohort.Core.Analytics.Statistics;

namespace Cohort.Core.Tests.Analytics.Statistics;

/// <summary>Inter-rater reliability against the published examples its two statistics were introduced with.</summary>
public sealed class ReliabilityTests
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve units, values
    /// 1–5 with missing data. Unit by unit (observers A, B, C, D; "." missing): 1: 1 1 . 1; 2: 2 2 3 2; 3: 3 3 3 3;
    /// 4: 3 3 3 3; 5: 2 2 2 2; 6: 1 2 3 4; 7: 4 4 4 4; 8: 1 1 2 1; 9: 2 2 2 2; 10: . 5 5 5; 11: . . 1 1; 12: . 3 . .
    /// The paper gives α = 0.849 for the interval metric. Unit 12 has one value and is not pairable.
    /// </summary>
    private static readonly double[][] KrippendorffUnits =
    [
        [1, 1, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [5, 5, 5], [1, 1], [3],
    ];

    /// <summary>
    /// Shrout and Fleiss (1979), "Intraclass correlations: uses in assessing rater reliability", Table 2: six targets
    /// rated by four judges. The paper works it to BMS = 11.24, WMS = 6.26, ICC(1,1) = .17 and ICC(1,4) = .44.
    /// </summary>
    private static readonly double[][] ShroutFleissTargets =
    [
        [9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7],
    ];

    [Fact]
    public void Krippendorffs_interval_alpha_reproduces_the_papers_example_with_missing_values()
    {
        Assert.Equal(0.849, Reliability.KrippendorffAlphaInterval(KrippendorffUnits), 3);
    }

    [Fact]
    public void Alpha_is_1_when_every_subjects_reviews_agree_and_nan_when_nothing_pairs()
    {
        Assert.Equal(1, Reliability.KrippendorffAlphaInterval([[2, 2], [7, 7, 7], [4, 4]]), 10);
        Assert.True(double.IsNaN(Reliability.KrippendorffAlphaInterval([[2], [7], [4, 4]])));
        Assert.True(double.IsNaN(Reliability.KrippendorffAlphaInterval([[5, 5], [5, 5]])));
    }

    [Fact]
    public void The_one_way_intraclass_correlations_reproduce_shrout_and_fleiss_table_2()
    {
        var icc = Reliability.OneWayIntraclass(ShroutFleissTargets)!;

        Assert.Equal(11.24, icc.BetweenMeanSquare, 2);
        Assert.Equal(6.26, icc.WithinMeanSquare, 2);
        Assert.Equal(0.17, icc.Single, 2);
        Assert.Equal(0.44, icc.Average, 2);
        Assert.Equal((4.0, 6), (icc.Reviews, icc.Subjects));
    }

    /// <summary>
    /// Worked by hand. Subjects {4, 6}, {1, 3, 5}, {8, 8}: N = 7, grand mean 35/7 = 5. Between: 2·(5 − 5)² + 3·(3 − 5)²
    /// + 2·(8 − 5)² = 30 over 2 degrees of freedom, BMS = 15. Within: 2 + 8 + 0 = 10 over 7 − 3 = 4, WMS = 2.5.
    /// k₀ = (7 − (4 + 9 + 4)/7) / 2 = (7 − 17/7)/2 = 16/7. ICC(1,1) = (15 − 2.5) / (15 + (16/7 − 1)·2.5)
    /// = 12.5 / (15 + 22.5/7) = 87.5 / 127.5 = 0.6863; ICC(1,k) = 12.5 / 15 = 0.8333. A subject with one review ({9})
    /// is left out.
    /// </summary>
    [Fact]
    public void Unbalanced_rounds_use_the_average_group_size()
    {
        var icc = Reliability.OneWayIntraclass([[4, 6], [1, 3, 5], [8, 8], [9]])!;

        Assert.Equal((15, 2.5), (icc.BetweenMeanSquare, icc.WithinMeanSquare));
        Assert.Equal(16.0 / 7, icc.Reviews, 10);
        Assert.Equal(87.5 / 127.5, icc.Single, 10);
        Assert.Equal(12.5 / 15, icc.Average, 10);
        Assert.Equal(3, icc.Subjects);
    }

    [Fact]
    public void No_intraclass_correlation_without_two_subjects_read_twice()
    {
        Assert.Null(Reliability.OneWayIntraclass([[4, 6], [5]]));
        Assert.Null(Reliability.OneWayIntraclass([[4, 6], [6, 4]]));
    }
}
