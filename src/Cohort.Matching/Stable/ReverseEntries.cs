using System.Runtime.CompilerServices;

namespace Cohort.Matching.Stable;

/// <summary>
/// Links each entry "p ranks q" of one side to the entry "q ranks p" of the other side (or -1
/// when q does not rank p), so that a proposal looks up the receiver's opinion in O(1).
/// </summary>
internal sealed class ReverseEntries
{
    private readonly int[] _reverse;

    /// <summary>Builds the links in linear time by bucketing <paramref name="from"/>'s entries by receiver.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReverseEntries(Preferences from, Preferences to)
    {
        _reverse = new int[from.Items.Length];
        int receivers = to.Count;
        var bucketStart = new int[receivers + 1];
        foreach (int q in from.Items)
        {
            if ((uint)q >= (uint)receivers)
            {
                throw new ArgumentException($"Ranking names person {q}, who does not exist.");
            }

            bucketStart[q + 1]++;
        }

        for (int q = 0; q < receivers; q++)
        {
            bucketStart[q + 1] += bucketStart[q];
        }

        var fill = (int[])bucketStart.Clone();
        var bucket = new int[from.Items.Length];
        var owner = new int[from.Items.Length];
        for (int p = 0; p < from.Count; p++)
        {
            for (int e = from.Start[p]; e < from.Start[p + 1]; e++)
            {
                int slot = fill[from.Items[e]]++;
                bucket[slot] = e;
                owner[slot] = p;
            }
        }

        // entryOf[p] = the entry where the current receiver ranks p, valid while that receiver is processed.
        var entryOf = new int[from.Count];
        Array.Fill(entryOf, -1);
        for (int q = 0; q < receivers; q++)
        {
            for (int e = to.Start[q]; e < to.Start[q + 1]; e++)
            {
                int p = to.Items[e];
                if ((uint)p >= (uint)from.Count)
                {
                    throw new ArgumentException($"Ranking names person {p}, who does not exist.");
                }

                entryOf[p] = e;
            }

            for (int slot = bucketStart[q]; slot < bucketStart[q + 1]; slot++)
            {
                _reverse[bucket[slot]] = entryOf[owner[slot]];
            }

            for (int e = to.Start[q]; e < to.Start[q + 1]; e++)
            {
                entryOf[to.Items[e]] = -1;
            }
        }
    }

    /// <summary>The reverse entry of <paramref name="entry"/>, or -1 when the pair is not acceptable.</summary>
    public int this[int entry] => _reverse[entry];

    /// <summary>All reverse entries, indexed by entry, for loops that need them without a call.</summary>
    public int[] Entries => _reverse;
}
