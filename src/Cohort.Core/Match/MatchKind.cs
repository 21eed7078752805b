using Cohort.Matching.Text;

namespace Cohort.Core.Match;

/// <summary>What a run matches. Both kinds are stored as a <see cref="MatchRun"/> and solved by <see cref="MatchSolver"/>.</summary>
public enum MatchKind
{
    /// <summary>The stream match: a season's applicants (candidates) to its streams (hosts). Publishing it makes offers.</summary>
    Streams,

    /// <summary>The project match: one stream's fellows (candidates) to its projects (hosts). Publishing it assigns projects.</summary>
    Projects,
}

/// <summary>What a kind of run calls its candidates, its hosts and a host's places, in the sentences people read.</summary>
public sealed record MatchSides(Noun Candidate, Noun Host, Noun Place);

public static class MatchKinds
{
    private static readonly MatchSides StreamSides = new(new("applicant", "applicants"), new("stream", "streams"), new("seat", "seats"));
    private static readonly MatchSides ProjectSides = new(new("fellow", "fellows"), new("project", "projects"), new("place", "places"));

    public static MatchSides Sides(this MatchKind kind) => kind == MatchKind.Projects ? ProjectSides : StreamSides;
}

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
