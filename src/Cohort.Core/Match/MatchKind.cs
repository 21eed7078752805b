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
