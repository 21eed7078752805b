using Cohort.Matching.Stable;
using EnginePreferences = Cohort.Matching.Stable.Preferences;

namespace Cohort.Core.Match;

/// <summary>
/// A <see cref="MatchInput"/> as the engine's stable-matching instance: candidates and hosts by their index in the
/// input, each ranking without ids the input does not hold. Every algorithm's stability check reads this.
/// </summary>
internal static class MatchInstance
{
    public static StableMatchingInstance Of(MatchInput input)
    {
        var candidateIndex = input.Candidates.Select((c, i) => (c.CandidateId, i)).ToDictionary(x => x.CandidateId, x => x.i);
        return new StableMatchingInstance(
            EnginePreferences.Strict(RankedHosts(input)),
            EnginePreferences.Strict(input.Hosts.Select(h => h.Ranking.Where(candidateIndex.ContainsKey).Select(c => candidateIndex[c]).ToArray()).ToList()),
            input.Hosts.Select(h => h.Capacity).ToArray());
    }

    /// <summary>Each candidate's ranking as indices into the input's hosts, best first, without hosts it does not hold.</summary>
    public static List<int[]> RankedHosts(MatchInput input)
    {
        var hostIndex = input.Hosts.Select((h, i) => (h.HostId, i)).ToDictionary(x => x.HostId, x => x.i);
        return input.Candidates.Select(c => c.Ranking.Where(hostIndex.ContainsKey).Select(h => hostIndex[h]).ToArray()).ToList();
    }

    /// <summary>The result's placements and fills for <paramref name="hostOf"/> (each candidate's host index, or -1).</summary>
    public static MatchResult Result(MatchInput input, IReadOnlyList<int> hostOf, IReadOnlyList<string> explanations, MatchCertificate certificate, Func<int, double?>? scoreOf = null)
    {
        var placements = input.Candidates.Select((c, i) => hostOf[i] is var h and >= 0
                ? new Placement(c.CandidateId, c.Name, input.Hosts[h].HostId, input.Hosts[h].Name, explanations[i], scoreOf?.Invoke(i))
                : new Placement(c.CandidateId, c.Name, null, null, explanations[i]))
            .ToList();
        var fills = input.Hosts.Select((h, i) => new HostFill(h.HostId, h.Name, h.Capacity, hostOf.Count(m => m == i))).ToList();
        return new MatchResult(placements, fills, certificate);
    }
}
