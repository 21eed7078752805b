namespace Cohort.Core.Analytics.Statistics;

/// <summary>The plain summaries the other statistics are built from. Empty input gives NaN, never an exception.</summary>
public static class Descriptive
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>The sample variance (divided by n − 1); NaN for fewer than two values.</summary>
    public static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    /// <summary>Pearson's correlation of paired values; NaN when either side does not vary.</summary>
    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Correlation needs pairs: the two lists differ in length.", nameof(y));
        }

        if (x.Count < 2)
        {
            return double.NaN;
        }

        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
