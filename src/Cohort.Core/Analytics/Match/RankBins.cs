using Cohort.Matching.Text;

namespace Cohort.Core.Analytics.Match;

/// <summary>
/// Ranks counted in bins that stay readable from a handful of choices to a stream's list of a hundred: the first three
/// one by one, then ever wider (4th–5th, 6th–10th, 11th–20th, 21st–50th, below 50th).
/// </summary>
internal static class RankBins
{
    private static readonly (int From, int To)[] Bins = [(1, 1), (2, 2), (3, 3), (4, 5), (6, 10), (11, 20), (21, 50), (51, int.MaxValue)];

    /// <summary>How many ranks fall in each bin, from the first bin to the last one holding a rank (none for no ranks).</summary>
    public static IReadOnlyList<(string Label, int Count)> Count(IEnumerable<int> ranks)
    {
        var counts = new int[Bins.Length];
        foreach (var rank in ranks)
        {
            counts[Array.FindIndex(Bins, b => rank >= b.From && rank <= b.To)]++;
        }

        var last = Array.FindLastIndex(counts, c => c > 0);
        return Bins.Take(last + 1).Select((bin, i) => (Label(bin), counts[i])).ToList();
    }

    private static string Label((int From, int To) bin) => bin switch
    {
        { To: int.MaxValue } => $"below {English.Ordinal(bin.From - 1)}",
        _ when bin.From == bin.To => English.Ordinal(bin.From),
        _ => $"{English.Ordinal(bin.From)}–{English.Ordinal(bin.To)}",
    };
}
