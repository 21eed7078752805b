namespace Cohort.Matching.Stable;

/// <summary>
/// A hospitals/residents instance over int ids: candidates rank hosts, hosts rank candidates
/// and hold up to <see cref="Capacities"/> candidates. A pair is acceptable only when each side
/// ranks the other.
/// </summary>
public sealed class StableMatchingInstance
{
    /// <summary>Creates an instance; rankings may contain ties.</summary>
    public StableMatchingInstance(Preferences candidateRankings, Preferences hostRankings, int[] capacities)
    {
        if (hostRankings.Count != capacities.Length)
        {
            throw new ArgumentException("Every host needs a ranking and a capacity.");
        }

        CandidateRankings = candidateRankings;
        HostRankings = hostRankings;
        Capacities = capacities;
        CandidateToHost = new ReverseEntries(candidateRankings, hostRankings);
        HostToCandidate = new ReverseEntries(hostRankings, candidateRankings);
    }

    /// <summary>Each candidate's ranking of hosts.</summary>
    public Preferences CandidateRankings { get; }

    /// <summary>Each host's ranking of candidates.</summary>
    public Preferences HostRankings { get; }

    /// <summary>How many candidates each host can take.</summary>
    public int[] Capacities { get; }

    /// <summary>Number of candidates.</summary>
    public int CandidateCount => CandidateRankings.Count;

    /// <summary>Number of hosts.</summary>
    public int HostCount => HostRankings.Count;

    /// <summary>For each entry of a candidate's ranking, the entry of that candidate in the host's ranking.</summary>
    internal ReverseEntries CandidateToHost { get; }

    /// <summary>For each entry of a host's ranking, the entry of that host in the candidate's ranking.</summary>
    internal ReverseEntries HostToCandidate { get; }

    /// <summary>The entry of <paramref name="host"/> in the candidate's ranking, or -1.</summary>
    public int FindCandidateEntry(int candidate, int host)
    {
        var rankings = CandidateRankings;
        for (int e = rankings.Start[candidate]; e < rankings.Start[candidate + 1]; e++)
        {
            if (rankings.Items[e] == host)
            {
                return e;
            }
        }

        return -1;
    }
}
