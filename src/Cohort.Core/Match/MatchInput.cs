namespace Cohort.Core.Match;

/// <summary>
/// What a run reads, frozen at the moment of the run, in the engine's words: each host's capacity and its preferences
/// over candidates (acceptable ones only, best first), and each candidate's preferences over hosts (best first). The
/// stream match puts applicants and streams here (<see cref="StreamMatchInputs"/>), the project match a stream's
/// fellows and projects (<see cref="Projects.ProjectMatchInputs"/>).
/// </summary>
public sealed record MatchInput(IReadOnlyList<MatchHost> Hosts, IReadOnlyList<MatchCandidate> Candidates);

/// <param name="HostId">The stream's or the project's id.</param>
/// <param name="Ranking">The candidates the host finds acceptable, by id, best first.</param>
/// <param name="Scores">
/// The host's score (0–10) of each candidate it has scored, by candidate id: for a stream, its applicant's composite at
/// the streams stage, or its calibrated review score when the stage has no composite weights. Read only for a run
/// optimal on scores.
/// </param>
public sealed record MatchHost(int HostId, string Name, int Capacity, IReadOnlyList<string> Ranking, IReadOnlyDictionary<string, double>? Scores = null);

/// <param name="CandidateId">The applicant's or the fellow's account id.</param>
/// <param name="Ranking">The hosts the candidate prefers, by id, best first.</param>
public sealed record MatchCandidate(string CandidateId, string Name, IReadOnlyList<int> Ranking);

/// <summary>A run's outcome: every candidate's placement and its explanation, each host's fill, and the certificate.</summary>
public sealed record MatchResult(IReadOnlyList<Placement> Placements, IReadOnlyList<HostFill> Fills, MatchCertificate Certificate);

/// <param name="HostId">The host the candidate is matched to, or null when unmatched.</param>
/// <param name="Host">That host's name.</param>
/// <param name="Score">The host's score of the placed candidate, in a run optimal on scores.</param>
public sealed record Placement(string CandidateId, string Name, int? HostId, string? Host, string Explanation, double? Score = null);

public sealed record HostFill(int HostId, string Name, int Capacity, int Filled);

/// <summary>
/// The independent checkers' verdicts. Stability is always checked against the original preferences; a run optimal on
/// scores also carries the duality check of its optimality (null for a stable run) and its total score.
/// </summary>
public sealed record MatchCertificate(bool OnlyAcceptablePairs, bool CapacitiesRespected, int BlockingPairs, bool? OptimalityProven = null, double? TotalScore = null)
{
    public bool IsStable => OnlyAcceptablePairs && CapacitiesRespected && BlockingPairs == 0;

    /// <summary>What the run promised holds: stability for a stable run, valid and proven optimal for a run on scores.</summary>
    public bool Holds => OptimalityProven is { } optimal ? OnlyAcceptablePairs && CapacitiesRespected && optimal : IsStable;
}
