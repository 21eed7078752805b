using Cohort.Core.Match;
using Cohort.Matching.Stable;

namespace Cohort.Core.Analytics.Match;

/// <summary>
/// A pair that would both rather have each other than what a run gave them: the applicant, where the run placed them
/// (null when it did not), and the stream that would take them.
/// </summary>
internal sealed record BlockingPair(MatchCandidate Candidate, Placement Placed, MatchHost Stream);

internal static class BlockingPairs
{
    /// <summary>
    /// Every blocking pair of a run, found by the engine's own stability checker on the run's input (the check its
    /// certificate counted), listed in full rather than the certificate's first hundred.
    /// </summary>
    public static IReadOnlyList<BlockingPair> Of(MatchInput input, MatchResult result)
    {
        var hostIndex = input.Hosts.Select((h, i) => (h.HostId, i)).ToDictionary(x => x.HostId, x => x.i);
        var placements = result.Placements.ToDictionary(p => p.CandidateId);
        var hostOf = input.Candidates.Select(c => placements[c.CandidateId].HostId is { } host ? hostIndex[host] : -1).ToList();
        var certificate = StabilityChecker.Check(MatchInstance.Of(input), hostOf, listed: int.MaxValue);
        return certificate.BlockingPairs
            .Select(pair => new BlockingPair(input.Candidates[pair.Candidate], placements[input.Candidates[pair.Candidate].CandidateId], input.Hosts[pair.Host]))
            .ToList();
    }
}
