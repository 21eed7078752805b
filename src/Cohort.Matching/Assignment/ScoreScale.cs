namespace Cohort.Matching.Assignment;

/// <summary>
/// Turns decimal scores into exact integer costs: every score is multiplied by 10^k, where k is
/// the largest number of decimals among the scores. When that would make costs too large for
/// exact 64-bit arithmetic in the flow solver, k is lowered and scores are rounded at 10^-k.
/// </summary>
public readonly record struct ScoreScale(int Decimals, long Factor)
{
    // Keeps (largest cost + 1) * (node count + 1), the simplex's artificial cost, and every
    // potential far inside long's range for graphs of up to a few hundred thousand nodes.
    private const decimal LargestCost = 10_000_000_000_000m;
    private const int MostDecimals = 18;

    /// <summary>
    /// The smallest scale that represents every score exactly, within the safe range. <paramref name="headroom"/> keeps
    /// that many times the largest cost within the range too (a quota bonus sums costs over every pair).
    /// </summary>
    public static ScoreScale For(IEnumerable<decimal> scores, long headroom = 1)
    {
        int decimals = 0;
        decimal largest = 0;
        foreach (decimal score in scores)
        {
            decimals = Math.Max(decimals, DecimalsOf(score));
            largest = Math.Max(largest, Math.Abs(score));
        }

        decimals = Math.Min(decimals, MostDecimals);
        while (decimals > 0 && largest * Pow10(decimals) * headroom > LargestCost)
        {
            decimals--;
        }

        if (headroom > 1 && largest * Pow10(decimals) * headroom > LargestCost)
        {
            throw new ArgumentOutOfRangeException(nameof(scores), $"Scores up to {largest} are too large to optimise exactly with quotas over this many pairs.");
        }

        return new ScoreScale(decimals, (long)Pow10(decimals));
    }

    /// <summary>The integer cost of a score: minus the scaled score, since the flow solver minimises.</summary>
    public long CostOf(decimal score)
    {
        if (Factor == 1 && score.Scale == 0 && Math.Abs(score) <= LargestCost)
        {
            // Whole scores, the common case, need neither scaling nor rounding.
            return -(long)score;
        }

        decimal scaled = Math.Round(score * Factor, MidpointRounding.ToEven);
        if (Math.Abs(scaled) > LargestCost)
        {
            throw new ArgumentOutOfRangeException(nameof(score), $"Score {score} is too large to optimise exactly.");
        }

        return -(long)scaled;
    }

    // Dividing by 1.000... drops trailing zeros (2.50 has scale 2 but one decimal); most scores
    // are whole numbers with scale 0 and skip the slow division.
    private static int DecimalsOf(decimal value) => value.Scale == 0 ? 0 : (value / 1.000000000000000000000000000000000m).Scale;

    private static decimal Pow10(int exponent)
    {
        decimal result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
