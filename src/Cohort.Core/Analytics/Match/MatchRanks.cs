using Cohort.Core.Match;

namespace Cohort.Core.Analytics.Match;

/// <summary>One placement of a run with the two ranks it stands on: the applicant's choice of the stream, and the stream's rank of the applicant.</summary>
/// <param name="Choice">Where the stream stood in the applicant's ranking, 1 for their first choice.</param>
/// <param name="StreamRank">Where the applicant stood on the stream's list, 1 for its first; null if the list does not hold them.</param>
internal sealed record RankedPlacement(Placement Placement, int Choice, int? StreamRank);

internal static class MatchRanks
{
    /// <summary>
    /// Every placed candidate of <paramref name="result"/> with the ranks of its pair, read from the run's own input
    /// (the rankings as they stood when it ran, not as they stand now).
    /// </summary>
    public static IReadOnlyList<RankedPlacement> Of(MatchInput input, MatchResult result)
    {
        var choices = input.Candidates.ToDictionary(c => c.CandidateId, c => c.Ranking);
        var lists = input.Hosts.ToDictionary(h => h.HostId, h => h.Ranking.Select((candidate, i) => (candidate, i)).ToDictionary(x => x.candidate, x => x.i + 1));
        return result.Placements.Where(p => p.HostId is not null).Select(p =>
        {
            var host = p.HostId!.Value;
            var choice = choices.TryGetValue(p.CandidateId, out var ranking) ? ranking.ToList().IndexOf(host) + 1 : 0;
            return new RankedPlacement(p, choice, lists.TryGetValue(host, out var list) && list.TryGetValue(p.CandidateId, out var rank) ? rank : null);
        }).ToList();
    }
}
