using System.Runtime.CompilerServices;

namespace Cohort.Matching.Stable;

/// <summary>Which side proposes in deferred acceptance; that side gets its best stable matching.</summary>
public enum Proposer
{
    /// <summary>Candidates propose: the candidate-optimal stable matching.</summary>
    Candidates,

    /// <summary>Hosts propose: the host-optimal stable matching.</summary>
    Hosts,
}

/// <summary>
/// Gale–Shapley deferred acceptance with capacities, over strict rankings (break ties first
/// with <see cref="TieBreaking"/>). Runs in time linear in the total length of the rankings.
/// </summary>
public static class DeferredAcceptance
{
    /// <summary>Runs deferred acceptance; returns each candidate's host (-1 if unmatched) and the number of proposals.</summary>
    public static (int[] HostOf, long Proposals) Run(StableMatchingInstance strict, Proposer proposer) =>
        proposer == Proposer.Candidates ? CandidatesPropose(strict) : HostsPropose(strict);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] HostOf, long Proposals) CandidatesPropose(StableMatchingInstance instance)
    {
        int[] start = instance.CandidateRankings.Start;
        int[] choices = instance.CandidateRankings.Items;
        int[] reverse = instance.CandidateToHost.Entries;
        int[] hostItems = instance.HostRankings.Items;
        int[] capacity = instance.Capacities;
        int n = instance.CandidateCount;

        var hostOf = new int[n];
        Array.Fill(hostOf, -1);
        // next[c]: the entry of c's ranking that c proposes to next.
        var next = start[..n];
        // Held candidates are marked on the host's own ranking, so the worst one is found by
        // scanning that ranking upwards; a full host's cut-off only rises, so the scans are linear in total.
        var held = new bool[hostItems.Length];
        var heldCount = new int[instance.HostCount];
        var worst = new int[instance.HostCount];
        Array.Fill(worst, -1);

        long proposals = 0;
        for (int first = 0; first < n; first++)
        {
            // A candidate displaced by a proposal proposes on at once (the result does not
            // depend on the order of proposals), so no queue of free candidates is needed.
            for (int c = first; c >= 0;)
            {
                int proposer = c;
                c = -1;
                for (int end = start[proposer + 1]; next[proposer] < end;)
                {
                    int entry = next[proposer]++;
                    proposals++;
                    int theirs = reverse[entry];
                    if (theirs < 0)
                    {
                        continue;
                    }

                    int h = choices[entry];
                    if (heldCount[h] < capacity[h])
                    {
                        held[theirs] = true;
                        heldCount[h]++;
                        worst[h] = Math.Max(worst[h], theirs);
                        hostOf[proposer] = h;
                        break;
                    }

                    if (theirs < worst[h])
                    {
                        int w = worst[h];
                        c = hostItems[w];
                        held[w] = false;
                        hostOf[c] = -1;
                        held[theirs] = true;
                        hostOf[proposer] = h;
                        do
                        {
                            w--;
                        }
                        while (!held[w]);

                        worst[h] = w;
                        break;
                    }
                }
            }
        }

        return (hostOf, proposals);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] HostOf, long Proposals) HostsPropose(StableMatchingInstance instance)
    {
        var hosts = instance.HostRankings;
        var reverse = instance.HostToCandidate;
        int[] capacity = instance.Capacities;

        var hostOf = new int[instance.CandidateCount];
        var heldEntry = new int[instance.CandidateCount];
        Array.Fill(hostOf, -1);
        var next = new int[instance.HostCount];
        var heldCount = new int[instance.HostCount];

        var open = new Stack<int>(instance.HostCount);
        for (int h = instance.HostCount - 1; h >= 0; h--)
        {
            open.Push(h);
        }

        long proposals = 0;
        while (open.TryPop(out int h))
        {
            int end = hosts.Start[h + 1];
            while (heldCount[h] < capacity[h] && hosts.Start[h] + next[h] < end)
            {
                int entry = hosts.Start[h] + next[h]++;
                proposals++;
                int theirs = reverse[entry];
                if (theirs < 0)
                {
                    continue;
                }

                int c = hosts.Items[entry];
                int current = hostOf[c];
                if (current >= 0 && heldEntry[c] < theirs)
                {
                    continue;
                }

                if (current >= 0)
                {
                    // The displaced host has a free place again; a stale second push is harmless.
                    heldCount[current]--;
                    open.Push(current);
                }

                hostOf[c] = h;
                heldEntry[c] = theirs;
                heldCount[h]++;
            }
        }

        return (hostOf, proposals);
    }
}
