using System.Runtime.CompilerServices;

namespace Cohort.Matching.Stable;

/// <summary>What <see cref="StabilityChecker"/> found about a matching.</summary>
/// <param name="OnlyAcceptablePairs">Every matched pair ranks each other.</param>
/// <param name="CapacitiesRespected">No host holds more candidates than its capacity.</param>
/// <param name="BlockingPairs">Pairs (candidate, host) who both strictly prefer each other to what they have (the first ones, as many as the check was asked to list).</param>
/// <param name="BlockingPairCount">How many blocking pairs there are in all.</param>
public sealed record StabilityCertificate(
    bool OnlyAcceptablePairs,
    bool CapacitiesRespected,
    IReadOnlyList<(int Candidate, int Host)> BlockingPairs,
    int BlockingPairCount)
{
    /// <summary>True when the matching passes every check: it is stable.</summary>
    public bool IsStable => OnlyAcceptablePairs && CapacitiesRespected && BlockingPairCount == 0;
}

/// <summary>
/// Verifies a matching against the original rankings (ties included, so a pair blocks only when
/// both sides strictly prefer each other). Independent of how the matching was computed.
/// </summary>
public static class StabilityChecker
{
    private const int ListedBlockingPairs = 100;

    /// <summary>Checks acceptability, capacities and the absence of blocking pairs.</summary>
    /// <param name="instance">The original rankings and capacities.</param>
    /// <param name="hostOf">Each candidate's host, or -1 when unmatched.</param>
    /// <param name="listed">
    /// How many blocking pairs to list (all are counted): 100 by default, enough for a certificate; a report of what a
    /// matching costs in stability asks for every one.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StabilityCertificate Check(StableMatchingInstance instance, IReadOnlyList<int> hostOf, int listed = ListedBlockingPairs)
    {
        if (hostOf.Count != instance.CandidateCount)
        {
            throw new ArgumentException("The matching must give a host (or -1) for every candidate.", nameof(hostOf));
        }

        var candidates = instance.CandidateRankings;
        var hostLevels = instance.HostRankings.Levels;
        var reverse = instance.CandidateToHost;
        var heldCount = new int[instance.HostCount];
        // The level (in the host's ranking) of the worst candidate a host holds: the cut-off.
        var worstLevel = new int[instance.HostCount];
        Array.Fill(worstLevel, -1);
        var matchedLevel = new int[instance.CandidateCount];
        bool acceptable = true;

        for (int c = 0; c < instance.CandidateCount; c++)
        {
            int h = hostOf[c];
            matchedLevel[c] = int.MaxValue;
            if (h < 0)
            {
                continue;
            }

            if ((uint)h >= (uint)instance.HostCount)
            {
                throw new ArgumentException($"Candidate {c} is matched to host {h}, who does not exist.", nameof(hostOf));
            }

            heldCount[h]++;
            int entry = instance.FindCandidateEntry(c, h);
            if (entry < 0 || reverse[entry] < 0)
            {
                acceptable = false;
                continue;
            }

            matchedLevel[c] = candidates.Levels[entry];
            worstLevel[h] = Math.Max(worstLevel[h], hostLevels[reverse[entry]]);
        }

        bool capacities = true;
        for (int h = 0; h < instance.HostCount; h++)
        {
            capacities &= heldCount[h] <= instance.Capacities[h];
        }

        var blocking = new List<(int, int)>();
        int blockingCount = 0;
        for (int c = 0; c < instance.CandidateCount; c++)
        {
            for (int e = candidates.Start[c]; e < candidates.Start[c + 1] && candidates.Levels[e] < matchedLevel[c]; e++)
            {
                int h = candidates.Items[e];
                int theirs = reverse[e];
                bool hostWouldTake = theirs >= 0 &&
                    (heldCount[h] < instance.Capacities[h] || hostLevels[theirs] < worstLevel[h]);
                if (hostWouldTake)
                {
                    blockingCount++;
                    if (blocking.Count < listed)
                    {
                        blocking.Add((c, h));
                    }
                }
            }
        }

        return new StabilityCertificate(acceptable, capacities, blocking, blockingCount);
    }
}
