using System.Diagnostics;
using Cohort.Matching.Diagnosis;
using Cohort.Matching.Flow;

namespace Cohort.Matching.Assignment;

/// <summary>
/// The dual solution that proves an assignment optimal: one potential per node of
/// <see cref="AssignmentNetwork"/>, in units of 1/<see cref="ScoreScale"/>.Factor of a score.
/// </summary>
/// <param name="Scale">How scores were turned into integer costs.</param>
/// <param name="Potentials">Node potentials, indexed as in <see cref="AssignmentNetwork"/>.</param>
public sealed record OptimalityCertificate(ScoreScale Scale, long[] Potentials);

/// <summary>The outcome of an assignment solve: either an optimal assignment or a reason why none exists.</summary>
/// <param name="ChosenPairs">Indices into <see cref="AssignmentProblem.Pairs"/> of the chosen pairs (empty when infeasible).</param>
/// <param name="Objective">Exact sum of the chosen pairs' scores.</param>
/// <param name="Certificate">Duals proving optimality; null when infeasible.</param>
/// <param name="Infeasibility">Why no assignment exists; null when one does.</param>
/// <param name="Pivots">Network simplex pivots.</param>
/// <param name="SolveTime">Time spent building and solving the flow problem.</param>
public sealed record AssignmentResult(
    IReadOnlyList<int> ChosenPairs,
    decimal Objective,
    OptimalityCertificate? Certificate,
    Infeasibility? Infeasibility,
    int Pivots,
    TimeSpan SolveTime)
{
    /// <summary>True when an assignment meeting every bound exists (and this is an optimal one).</summary>
    public bool Feasible => Infeasibility is null;
}

/// <summary>Maximum-score b-matching by exact min-cost flow (network simplex).</summary>
public static class AssignmentSolver
{
    /// <summary>Finds an assignment of maximal total score, or diagnoses why none exists.</summary>
    public static AssignmentResult Solve(AssignmentProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var scale = ScoreScale.For(problem.Candidates.Select(i => problem.Pairs[i].Score));
        var network = AssignmentNetwork.Build(problem, scale);
        var status = network.Solve();
        if (status == FlowStatus.Infeasible)
        {
            var reason = InfeasibilityDiagnosis.Diagnose(problem);
            return new AssignmentResult([], 0, null, reason, network.Pivots, clock.Elapsed);
        }

        var chosen = new List<int>();
        decimal objective = 0;
        for (int c = 0; c < problem.Candidates.Count; c++)
        {
            if (network.Flow(c) > 0)
            {
                int pair = problem.Candidates[c];
                chosen.Add(pair);
                objective += problem.Pairs[pair].Score;
            }
        }

        var potentials = new long[network.NodeCount];
        for (int v = 0; v < potentials.Length; v++)
        {
            potentials[v] = network.Potential(v);
        }

        return new AssignmentResult(chosen, objective, new OptimalityCertificate(scale, potentials), null, network.Pivots, clock.Elapsed);
    }
}
