using Cohort.Core.Telemetry;
using Cohort.Matching.Stable;

namespace Cohort.Core.Match;

/// <summary>
/// The one entry point that solves a run of either kind with the engine: a pure function, so a stored run's input
/// gives its result again. The kind only chooses the words of the explanations (applicants and streams, or fellows
/// and projects); the algorithm is the same for both.
/// </summary>
public static class MatchSolver
{
    public static MatchResult Solve(MatchInput input, MatchAlgorithm algorithm, MatchKind kind)
    {
        // The solve on its own span: a slow match run then shows whether the engine or the database took the time.
        using var span = CohortTraces.Start("MatchSolver.Solve");
        span?.SetTag("cohort.match.kind", kind.ToString()).SetTag("cohort.match.algorithm", algorithm.ToString())
            .SetTag("cohort.match.candidates", input.Candidates.Count).SetTag("cohort.match.hosts", input.Hosts.Count);
        return algorithm switch
        {
            MatchAlgorithm.Scores => ScoreOptimalMatch.Solve(input, kind.Sides()),
            MatchAlgorithm.HostsPropose => SolveStable(input, Proposer.Hosts, kind.Sides()),
            _ => SolveStable(input, Proposer.Candidates, kind.Sides()),
        };
    }

    private static MatchResult SolveStable(MatchInput input, Proposer proposer, MatchSides sides)
    {
        var solved = StableMatcher.Solve(MatchInstance.Of(input), proposer);
        var explanations = Explanations.Explain(solved.StrictInstance, solved.HostOf, input.Hosts.Select(h => h.Name).ToList(), sides.Candidate);
        var certificate = solved.Certificate;
        return MatchInstance.Result(input, solved.HostOf, explanations,
            new MatchCertificate(certificate.OnlyAcceptablePairs, certificate.CapacitiesRespected, certificate.BlockingPairCount));
    }
}
