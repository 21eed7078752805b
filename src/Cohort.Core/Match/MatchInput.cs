namespace Cohort.Core.Match;

/// <summary>
/// What the match reads, frozen at the moment of the run: each stream's seats and its ranking of applicants
/// (acceptable ones only, best first), and each applicant's ranking of streams (best first).
/// </summary>
public sealed record MatchInput(IReadOnlyList<MatchStream> Streams, IReadOnlyList<MatchApplicant> Applicants);

/// <param name="Scores">
/// The stream's score (0–10) of each applicant it has scored, by applicant id: its composite at stage 3, or its
/// calibrated review score when the stage has no composite weights. Read only for a run optimal on scores.
/// </param>
public sealed record MatchStream(int StreamId, string Name, int Capacity, IReadOnlyList<string> Ranking, IReadOnlyDictionary<string, double>? Scores = null);

public sealed record MatchApplicant(string ApplicantId, string Name, IReadOnlyList<int> Ranking);

/// <summary>A run's outcome: every applicant's placement and its explanation, each stream's fill, and the certificate.</summary>
public sealed record MatchResult(IReadOnlyList<Placement> Placements, IReadOnlyList<StreamFill> Fills, MatchCertificate Certificate);

/// <param name="StreamId">The stream the applicant is matched to, or null when unmatched.</param>
/// <param name="Score">The stream's score of the placed applicant, in a run optimal on scores.</param>
public sealed record Placement(string ApplicantId, string Name, int? StreamId, string? Stream, string Explanation, double? Score = null);

public sealed record StreamFill(int StreamId, string Name, int Capacity, int Filled);

/// <summary>
/// The independent checkers' verdicts. Stability is always checked against the original rankings; a run optimal on
/// scores also carries the duality check of its optimality (null for a stable run) and its total score.
/// </summary>
public sealed record MatchCertificate(bool OnlyAcceptablePairs, bool CapacitiesRespected, int BlockingPairs, bool? OptimalityProven = null, double? TotalScore = null)
{
    public bool IsStable => OnlyAcceptablePairs && CapacitiesRespected && BlockingPairs == 0;

    /// <summary>What the run promised holds: stability for a stable run, valid and proven optimal for a run on scores.</summary>
    public bool Holds => OptimalityProven is { } optimal ? OnlyAcceptablePairs && CapacitiesRespected && optimal : IsStable;
}
