namespace Cohort.Core.Analytics.Statistics;

/// <summary>
/// How far reviewers agree on the same subjects: inter-rater reliability over a round's scores, one list of scores per
/// subject (its reviews, by whichever reviewers read it). Subjects with fewer than two scores say nothing about
/// agreement and are left out, as both statistics' definitions do.
/// </summary>
public static class Reliability
{
    /// <summary>
    /// Krippendorff's α with the interval metric: 1 − observed disagreement ÷ disagreement expected by chance, where
    /// disagreement is the squared difference of two scores of one subject, and chance pairs any two scores of the
    /// round. It needs no fixed set of raters, so it fits rounds where each subject has its own reviewers and some
    /// reviews are missing (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section C).
    /// 1 is perfect agreement, 0 agreement no better than chance; NaN when fewer than two subjects' scores pair or no
    /// score differs from another.
    /// </summary>
    public static double KrippendorffAlphaInterval(IReadOnlyList<IReadOnlyList<double>> subjects)
    {
        var pairable = subjects.Where(s => s.Count >= 2).ToList();
        var values = pairable.SelectMany(s => s).ToList();
        var total = SumOfSquares(values);
        if (pairable.Count < 2 || total == 0)
        {
            return double.NaN;
        }

        // Σ over ordered pairs of one unit of (a − b)² is 2m·SS of the unit, so each unit's pairs, weighted 1/(m − 1)
        // as the coincidence matrix weighs them, cost O(m) instead of O(m²); the same identity for all n values gives
        // the expected disagreement: α = 1 − (n − 1) Σ m·SS/(m − 1) ÷ (n · SS of all).
        var within = pairable.Sum(s => s.Count * SumOfSquares(s) / (s.Count - 1));
        return 1 - (values.Count - 1) * within / (values.Count * total);
    }

    /// <summary>
    /// The one-way random-effects intraclass correlations of Shrout and Fleiss (1979), case 1: each subject is read by
    /// its own reviewers drawn from a pool, which is how a review round assigns them. From the one-way analysis of
    /// variance's mean squares between subjects (BMS) and within (WMS):
    /// ICC(1,1) = (BMS − WMS) ÷ (BMS + (k − 1)·WMS), the reliability of one review, and
    /// ICC(1,k) = (BMS − WMS) ÷ BMS, the reliability of the mean of a subject's k reviews.
    /// When subjects have different numbers of reviews, k is the usual average group size of the unbalanced one-way
    /// analysis, k₀ = (N − Σ kᵢ² ÷ N) ÷ (n − 1) (Donner 1986, "A review of inference procedures for the intraclass correlation coefficient in the one-way random effects model").
    /// Null when fewer than two subjects have two reviews or the scores have no spread within subjects and between.
    /// </summary>
    public static IntraclassCorrelation? OneWayIntraclass(IReadOnlyList<IReadOnlyList<double>> subjects)
    {
        var rated = subjects.Where(s => s.Count >= 2).ToList();
        var reviews = rated.Sum(s => s.Count);
        if (rated.Count < 2)
        {
            return null;
        }

        var grand = rated.SelectMany(s => s).Average();
        var between = rated.Sum(s => s.Count * Math.Pow(s.Average() - grand, 2)) / (rated.Count - 1);
        var within = rated.Sum(SumOfSquares) / (reviews - rated.Count);
        if (between == 0)
        {
            return null;
        }

        var k = (reviews - rated.Sum(s => (double)s.Count * s.Count) / reviews) / (rated.Count - 1);
        return new IntraclassCorrelation((between - within) / (between + (k - 1) * within), (between - within) / between, k, rated.Count, between, within);
    }

    private static double SumOfSquares(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean));
    }
}

/// <summary>The one-way intraclass correlations of a round (see <see cref="Reliability.OneWayIntraclass"/>).</summary>
/// <param name="Single">ICC(1,1): the reliability of one review.</param>
/// <param name="Average">ICC(1,k): the reliability of the mean of <see cref="Reviews"/> reviews.</param>
/// <param name="Reviews">k: the reviews a subject has (k₀, their average group size, when subjects differ).</param>
/// <param name="Subjects">The subjects with at least two reviews, which the statistic reads.</param>
/// <param name="BetweenMeanSquare">BMS, the mean square between subjects.</param>
/// <param name="WithinMeanSquare">WMS, the mean square within subjects.</param>
public sealed record IntraclassCorrelation(double Single, double Average, double Reviews, int Subjects, double BetweenMeanSquare, double WithinMeanSquare);
