using Cohort.Core.Assessments;

namespace Cohort.Core.Tests.Assessments;

/// <summary>Kendall's τ against hand-worked examples, and the properties any correct τ has, over many random rankings.</summary>
public sealed class KendallTauTests
{
    private static double Tau(double[] first, double[] second) => KendallTau.Between(first, second) ?? double.NaN;

    [Theory]
    [InlineData(new double[] { 1, 2, 4, 3 }, 4.0 / 6)] // one pair out of six swapped: (5 − 1) / 6
    [InlineData(new double[] { 2, 1, 4, 3 }, 2.0 / 6)] // two swapped: (4 − 2) / 6
    [InlineData(new double[] { 4, 3, 1, 2 }, -4.0 / 6)] // only the last pair agrees: (1 − 5) / 6
    [InlineData(new double[] { 3, 1, 2, 4 }, 2.0 / 6)] // disagrees on (1,2) and (1,3): (4 − 2) / 6
    public void Matches_hand_worked_rankings_of_four_items(double[] answer, double expected) =>
        Assert.Equal(expected, Tau([1, 2, 3, 4], answer), 10);

    [Fact]
    public void Corrects_for_ties_as_tau_b()
    {
        // Pairs: (1,2) tied in the second ranking, (1,3) and (2,3) concordant; τ-b = 2 / √(3 × 2).
        Assert.Equal(2 / Math.Sqrt(6), Tau([1, 2, 3], [1, 1, 2]), 10);
    }

    [Fact]
    public void Is_undefined_when_a_ranking_puts_everything_equal() =>
        Assert.Null(KendallTau.Between([1, 2, 3], [2, 2, 2]));

    [Fact]
    public void Is_one_for_the_key_itself_and_minus_one_for_its_reverse_at_every_size()
    {
        var random = new Random(20270208);
        for (var n = 2; n <= 12; n++)
        {
            var key = Permutation(random, n);
            Assert.Equal(1, Tau(key, key), 10);
            Assert.Equal(-1, Tau(key, key.Select(r => (double)n - r).ToArray()), 10);
        }
    }

    [Fact]
    public void Is_symmetric_bounded_and_flips_sign_when_one_ranking_is_reversed()
    {
        var random = new Random(42);
        for (var run = 0; run < 500; run++)
        {
            var n = random.Next(2, 10);
            var first = Permutation(random, n);
            var second = Permutation(random, n);
            var tau = Tau(first, second);

            Assert.InRange(tau, -1, 1);
            Assert.Equal(tau, Tau(second, first), 10);
            Assert.Equal(-tau, Tau(first, second.Select(r => -r).ToArray()), 10);
            Assert.Equal(1 - (4.0 * Discordant(first, second) / (n * (n - 1))), tau, 10);
        }
    }

    private static double[] Permutation(Random random, int n) =>
        Enumerable.Range(1, n).Select(i => (double)i).OrderBy(_ => random.Next()).ToArray();

    // The tie-free definition counted directly: τ = 1 − 2·D / (n(n−1)/2).
    private static int Discordant(double[] first, double[] second) =>
        Enumerable.Range(0, first.Length).Sum(i => Enumerable.Range(i + 1, first.Length - i - 1)
            .Count(j => (first[i] - first[j]) * (second[i] - second[j]) < 0));
}
