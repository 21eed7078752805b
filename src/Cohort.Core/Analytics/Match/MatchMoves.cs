using Cohort.Core.Match;

namespace Cohort.Core.Analytics.Match;

/// <summary>An applicant two runs placed differently: where the earlier run put them and where the later one does (null: not placed).</summary>
internal sealed record MatchMove(string Name, int? FromStream, string? From, int? ToStream, string? To);

internal static class MatchMoves
{
    /// <summary>
    /// The applicants both runs considered whose placement differs. Someone in only one run did not move: they had left
    /// the match (an offer of an earlier round) or had not joined it yet.
    /// </summary>
    public static IReadOnlyList<MatchMove> Between(MatchResult before, MatchResult after)
    {
        var earlier = before.Placements.ToDictionary(p => p.CandidateId);
        return after.Placements
            .Where(p => earlier.TryGetValue(p.CandidateId, out var was) && was.HostId != p.HostId)
            .Select(p => new MatchMove(p.Name, earlier[p.CandidateId].HostId, earlier[p.CandidateId].Host, p.HostId, p.Host))
            .ToList();
    }
}
