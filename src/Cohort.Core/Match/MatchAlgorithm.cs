namespace Cohort.Core.Match;

public enum MatchAlgorithm
{
    /// <summary>Stable, candidates proposing: every candidate gets the best host they can have in any stable match.</summary>
    CandidatesPropose,

    /// <summary>Stable, hosts proposing: every host gets the best candidates it can have in any stable match.</summary>
    HostsPropose,

    /// <summary>
    /// Optimal on scores: among the pairs both sides find acceptable, the placements whose hosts' scores of their
    /// candidates add up to the most, ties going to the candidates' preferences. Not stable in general.
    /// </summary>
    Scores,
}

public static class MatchAlgorithms
{
    /// <summary>How pages, mails and the audit log name the algorithm of a run of <paramref name="kind"/>: "stable, applicants proposing".</summary>
    public static string Describe(this MatchAlgorithm algorithm, MatchKind kind) => algorithm switch
    {
        MatchAlgorithm.HostsPropose => $"stable, {kind.Sides().Host.Plural} proposing",
        MatchAlgorithm.Scores => "optimal on scores",
        _ => $"stable, {kind.Sides().Candidate.Plural} proposing",
    };
}
