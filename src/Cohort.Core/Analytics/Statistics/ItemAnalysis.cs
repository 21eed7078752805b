namespace Cohort.Core.Analytics.Statistics;

/// <summary>
/// Classical item analysis of a test, over a score matrix: one row per attempt, one column per item, each cell the
/// points that attempt scored on that item. Undefined results (too few attempts or items, nothing that varies) are
/// NaN, never an exception; only a ragged matrix, which is a caller's mistake, throws.
/// </summary>
public static class ItemAnalysis
{
    /// <summary>
    /// The item's difficulty (its "p-value"): the mean share of its points that attempts scored. For an item scored
    /// right or wrong this is the share who got it right. Higher is easier; the classical name is backwards.
    /// </summary>
    public static double Difficulty(IReadOnlyList<double> scores, double points) =>
        scores.Count == 0 || points <= 0 ? double.NaN : Descriptive.Mean(scores) / points;

    /// <summary>
    /// The item's discrimination: Pearson's correlation between its points and the rest of the test (each attempt's
    /// total over the other items), the corrected item–total correlation. Leaving the item out of the total keeps it
    /// from correlating with itself, which inflates the plain item–total correlation on a short test. For an item
    /// scored right or wrong it is the point-biserial correlation. NaN with fewer than two items, or when the item
    /// or the rest does not vary.
    /// </summary>
    public static double RestCorrelation(IReadOnlyList<IReadOnlyList<double>> scores, int item)
    {
        var items = ItemCount(scores);
        if (items < 2)
        {
            return double.NaN;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, items);
        var own = scores.Select(row => row[item]).ToList();
        var rest = scores.Select(row => row.Sum() - row[item]).ToList();
        return Descriptive.Correlation(own, rest);
    }

    /// <summary>
    /// Cronbach's α: k/(k−1) · (1 − Σ item variances / variance of the totals), how consistently the items rank the
    /// attempts (Cronbach 1951). For items scored right or wrong it equals Kuder and Richardson's KR-20. NaN with
    /// fewer than two items or two attempts, or when the totals do not vary.
    /// </summary>
    public static double CronbachAlpha(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        var items = ItemCount(scores);
        if (items < 2 || scores.Count < 2)
        {
            return double.NaN;
        }

        var itemVariances = Enumerable.Range(0, items).Sum(i => Descriptive.Variance(scores.Select(row => row[i]).ToList()));
        var totalVariance = Descriptive.Variance(scores.Select(row => row.Sum()).ToList());
        return totalVariance == 0 ? double.NaN : items / (items - 1.0) * (1 - (itemVariances / totalVariance));
    }

    /// <summary>
    /// A 95% interval for a correlation <paramref name="r"/> of <paramref name="n"/> pairs, by Fisher's z
    /// transformation: tanh(atanh r ± 1.96/√(n−3)). Approximate for a point-biserial correlation, but it widens as it
    /// should on few attempts, which is what a reader needs to judge whether a negative value means anything.
    /// NaN bounds for fewer than four pairs or an undefined correlation.
    /// </summary>
    public static (double Low, double High) CorrelationInterval(double r, int n)
    {
        if (n < 4 || double.IsNaN(r))
        {
            return (double.NaN, double.NaN);
        }

        var z = Math.Atanh(r);
        var margin = 1.96 / Math.Sqrt(n - 3);
        return (Math.Tanh(z - margin), Math.Tanh(z + margin));
    }

    /// <summary>The number of items, checking every row has one score per item.</summary>
    private static int ItemCount(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        if (scores.Count == 0)
        {
            return 0;
        }

        var items = scores[0].Count;
        if (scores.Any(row => row.Count != items))
        {
            throw new ArgumentException("Every attempt needs one score per item: the rows differ in length.", nameof(scores));
        }

        return items;
    }
}
