namespace Cohort.Core.Match;

/// <summary>
/// What the match reads, frozen at the moment of the run: each stream's seats and its ranking of applicants
/// (acceptable ones only, best first), and each applicant's ranking of streams (best first).
/// </summary>
public sealed record MatchInput(IReadOnlyList<MatchStream> Streams, IReadOnlyList<MatchApplicant> Applicants);

public sealed record MatchStream(int StreamId, string Name, int Capacity, IReadOnlyList<string> Ranking);

public sealed record MatchApplicant(string ApplicantId, string Name, IReadOnlyList<int> Ranking);

/// <summary>A run's outcome: every applicant's placement and its explanation, each stream's fill, and the certificate.</summary>
public sealed record MatchResult(IReadOnlyList<Placement> Placements, IReadOnlyList<StreamFill> Fills, MatchCertificate Certificate);

/// <param name="StreamId">The stream the applicant is matched to, or null when unmatched.</param>
public sealed record Placement(string ApplicantId, string Name, int? StreamId, string? Stream, string Explanation);

public sealed record StreamFill(int StreamId, string Name, int Capacity, int Filled);

/// <summary>The independent checker's verdict on the original rankings.</summary>
public sealed record MatchCertificate(bool OnlyAcceptablePairs, bool CapacitiesRespected, int BlockingPairs)
{
    public bool IsStable => OnlyAcceptablePairs && CapacitiesRespected && BlockingPairs == 0;
}
