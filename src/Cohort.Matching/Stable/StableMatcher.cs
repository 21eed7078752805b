using System.Diagnostics;

namespace Cohort.Matching.Stable;

/// <summary>A stable matching with the facts needed to trust and explain it.</summary>
/// <param name="HostOf">Each candidate's host, or -1 when unmatched.</param>
/// <param name="Proposer">The side that proposed.</param>
/// <param name="TiesBroken">True when some ranking had ties, broken by the seeded lottery.</param>
/// <param name="Seed">The lottery seed.</param>
/// <param name="Proposals">Proposals made by deferred acceptance.</param>
/// <param name="SolveTime">Time spent breaking ties and running deferred acceptance.</param>
/// <param name="StrictInstance">The instance after tie-breaking, which the explanations refer to.</param>
/// <param name="Certificate">The checker's verdict on the original rankings.</param>
public sealed record StableMatchingResult(
    int[] HostOf,
    Proposer Proposer,
    bool TiesBroken,
    ulong Seed,
    long Proposals,
    TimeSpan SolveTime,
    StableMatchingInstance StrictInstance,
    StabilityCertificate Certificate);

/// <summary>Entry point for stable matching: tie-breaking, deferred acceptance, then the certificate.</summary>
public static class StableMatcher
{
    /// <summary>Computes the proposer-optimal stable matching and checks it.</summary>
    public static StableMatchingResult Solve(StableMatchingInstance instance, Proposer proposer = Proposer.Candidates, ulong seed = 0)
    {
        var clock = Stopwatch.StartNew();
        var (strict, tiesBroken) = TieBreaking.Apply(instance, seed);
        var (hostOf, proposals) = DeferredAcceptance.Run(strict, proposer);
        var solveTime = clock.Elapsed;
        var certificate = StabilityChecker.Check(instance, hostOf);
        return new StableMatchingResult(hostOf, proposer, tiesBroken, seed, proposals, solveTime, strict, certificate);
    }
}
