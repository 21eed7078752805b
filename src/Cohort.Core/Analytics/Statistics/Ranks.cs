namespace Cohort.Core.Analytics.Statistics;

public static class Ranks
{
    /// <summary>
    /// Standard competition ranking, highest value first ("1224"): tied values share the best place of their group and
    /// the places they take are skipped, so a place always says how many values stand strictly above it. Two subjects
    /// with the same raw mean are one place, never an arbitrary order between them.
    /// </summary>
    public static int[] Descending(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderByDescending(i => values[i]).ToArray();
        var ranks = new int[values.Count];
        for (var place = 0; place < order.Length; place++)
        {
            var tied = place > 0 && values[order[place]] == values[order[place - 1]];
            ranks[order[place]] = tied ? ranks[order[place - 1]] : place + 1;
        }

        return ranks;
    }
}
