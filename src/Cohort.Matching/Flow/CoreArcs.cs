namespace Cohort.Matching.Flow;

/// <summary>
/// Chooses the arcs the network simplex prices first: every arc of a node with few outgoing
/// arcs, and the cheapest few (with any tied with the last of them) of a node with many. Optimal
/// flows use few arcs per node, mostly cheap ones, so this core usually holds the optimum and the
/// rest is only swept to prove it.
/// </summary>
internal static class CoreArcs
{
    // Measured on the benchmark instances (bench/, docs/performance.md): a larger core means
    // more pivots, a core with no spare arc per node means many sweeps.
    private const int MinPerNode = 5;
    private const int SpareArcs = 1;

    /// <summary>How many outgoing arcs of a node with this supply the core holds: one more than it must use, at least five.</summary>
    public static int Quota(long supply) => (int)Math.Clamp(supply + SpareArcs, MinPerNode, 1 << 20);

    public static bool[] Choose<TArc>(List<TArc> arcs, long[] supply) where TArc : IFlowArc
    {
        int nodeCount = supply.Length;
        int arcCount = arcs.Count;
        var core = new bool[arcCount];
        var start = new int[nodeCount + 1];
        foreach (var arc in arcs)
        {
            start[arc.Tail + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            start[v + 1] += start[v];
        }

        var fill = (int[])start.Clone();
        var byTail = new int[arcCount];
        for (int a = 0; a < arcCount; a++)
        {
            byTail[fill[arcs[a].Tail]++] = a;
        }

        var costs = new long[arcCount == 0 ? 0 : arcCount / Math.Max(nodeCount, 1) + 1];
        for (int v = 0; v < nodeCount; v++)
        {
            int degree = start[v + 1] - start[v];
            int quota = Quota(supply[v]);
            var mine = byTail.AsSpan(start[v], degree);
            if (degree <= quota)
            {
                foreach (int a in mine)
                {
                    core[a] = true;
                }

                continue;
            }

            if (costs.Length < degree)
            {
                costs = new long[degree];
            }

            var span = costs.AsSpan(0, degree);
            for (int i = 0; i < degree; i++)
            {
                span[i] = arcs[mine[i]].Cost;
            }

            // Ties with the threshold all join: a node whose arcs cost the same (a source
            // feeding every candidate) keeps them all rather than growing its core sweep by sweep.
            long threshold = Select(span, quota - 1);
            foreach (int a in mine)
            {
                core[a] = arcs[a].Cost <= threshold;
            }
        }

        return core;
    }

    /// <summary>The k-th smallest value (0-based) by quickselect; reorders the span.</summary>
    private static long Select(Span<long> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            long pivot = values[lo + ((hi - lo) / 2)];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}

/// <summary>What <see cref="CoreArcs"/> needs to know of an arc.</summary>
internal interface IFlowArc
{
    int Tail { get; }

    long Cost { get; }
}
