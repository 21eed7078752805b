namespace Cohort.Core.Assessments;

/// <summary>
/// Kendall's rank correlation between two rankings of the same items: +1 when they agree on the order of every pair,
/// −1 when they disagree on every pair. This is τ-b, which corrects for ties; without ties it equals the classic
/// τ = (concordant − discordant) / (n(n−1)/2).
/// </summary>
public static class KendallTau
{
    /// <summary>τ-b of two rank lists (lower = earlier); null when either list ranks everything equal, so no order exists to compare.</summary>
    public static double? Between(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException("Both rankings must rank the same items.", nameof(second));
        }

        long concordant = 0, discordant = 0, tiedFirst = 0, tiedSecond = 0;
        for (var i = 0; i < first.Count; i++)
        {
            for (var j = i + 1; j < first.Count; j++)
            {
                var a = Math.Sign(first[i] - first[j]);
                var b = Math.Sign(second[i] - second[j]);
                if (a == 0)
                {
                    tiedFirst++;
                }

                if (b == 0)
                {
                    tiedSecond++;
                }

                if (a * b > 0)
                {
                    concordant++;
                }
                else if (a * b < 0)
                {
                    discordant++;
                }
            }
        }

        var pairs = (long)first.Count * (first.Count - 1) / 2;
        var denominator = Math.Sqrt((double)(pairs - tiedFirst) * (pairs - tiedSecond));
        return denominator == 0 ? null : (concordant - discordant) / denominator;
    }
}
