namespace Cohort.Matching.Stable;

/// <summary>
/// The documented tie-breaking rule (single tie-breaking by lottery). Each side draws one
/// lottery: a Fisher–Yates shuffle of its people in input order, driven by SplitMix64 seeded
/// with the seed (candidates' lottery first, then the hosts' from the same generator). Inside a
/// tied group, whoever has the better lottery number comes first. The same seed and input
/// always give the same order.
/// </summary>
public static class TieBreaking
{
    /// <summary>Returns the instance with every tie broken, and whether there was any tie.</summary>
    public static (StableMatchingInstance Strict, bool TiesBroken) Apply(StableMatchingInstance instance, ulong seed)
    {
        bool ties = instance.CandidateRankings.HasTies() || instance.HostRankings.HasTies();
        if (!ties)
        {
            return (instance, false);
        }

        var random = new SplitMix64(seed);
        int[] candidateLottery = Lottery(instance.CandidateCount, random);
        int[] hostLottery = Lottery(instance.HostCount, random);
        var strict = new StableMatchingInstance(
            Resolve(instance.CandidateRankings, hostLottery),
            Resolve(instance.HostRankings, candidateLottery),
            instance.Capacities);
        return (strict, true);
    }

    /// <summary>lottery[p] = p's place in a seeded shuffle of 0..count-1.</summary>
    private static int[] Lottery(int count, SplitMix64 random)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var place = new int[count];
        for (int i = 0; i < count; i++)
        {
            place[order[i]] = i;
        }

        return place;
    }

    private static Preferences Resolve(Preferences rankings, int[] lotteryOfRanked)
    {
        var items = (int[])rankings.Items.Clone();
        var levels = new int[items.Length];
        for (int p = 0; p < rankings.Count; p++)
        {
            int start = rankings.Start[p];
            int end = rankings.Start[p + 1];
            for (int groupStart = start; groupStart < end;)
            {
                int groupEnd = groupStart + 1;
                while (groupEnd < end && rankings.Levels[groupEnd] == rankings.Levels[groupStart])
                {
                    groupEnd++;
                }

                items.AsSpan(groupStart, groupEnd - groupStart).Sort((x, y) => lotteryOfRanked[x].CompareTo(lotteryOfRanked[y]));
                groupStart = groupEnd;
            }

            for (int e = start; e < end; e++)
            {
                levels[e] = e - start;
            }
        }

        return new Preferences((int[])rankings.Start.Clone(), items, levels);
    }
}

/// <summary>SplitMix64 (Steele, Lea and Flood 2014): a tiny, fully specified generator, so the lottery is reproducible anywhere.</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound), by rejection so no value is favoured.</summary>
    public int NextInt(int bound)
    {
        ulong b = (ulong)bound;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % b);
        ulong x;
        do
        {
            x = Next();
        }
        while (x >= limit);
        return (int)(x % b);
    }
}
