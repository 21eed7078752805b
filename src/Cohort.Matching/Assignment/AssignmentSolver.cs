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
/// <param name="ChosenPairs">Indices into <see cref="AssignmentProblem.Pairs"/> of the chosen pairs: empty when infeasible,
/// except from <see cref="AssignmentSolver.SolveMaximal"/>, where they are the most that can be assigned.</param>
/// <param name="Objective">Exact sum of the chosen pairs' scores.</param>
/// <param name="Certificate">Duals proving optimality; null when infeasible (also for a partial assignment).</param>
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
    /// <summary>
    /// Finds an assignment of maximal total score, or diagnoses why none exists. With quotas, an assignment meeting the
    /// most quota units, and of maximal total score among those (quotas never make a problem infeasible).
    /// </summary>
    public static AssignmentResult Solve(AssignmentProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var scale = ScaleOf(problem);
        var network = AssignmentNetwork.Build(problem, scale);
        var status = network.Solve();
        if (status == FlowStatus.Infeasible)
        {
            var reason = InfeasibilityDiagnosis.Diagnose(problem);
            return new AssignmentResult([], 0, null, reason, network.Pivots, clock.Elapsed);
        }

        var (chosen, objective) = Chosen(problem, network);
        var potentials = new long[network.NodeCount];
        for (int v = 0; v < potentials.Length; v++)
        {
            potentials[v] = network.Potential(v);
        }

        return new AssignmentResult(chosen, objective, new OptimalityCertificate(scale, potentials), null, network.Pivots, clock.Elapsed);
    }

    /// <summary>
    /// Assigns what can be assigned. When an assignment meeting every bound exists, this is <see cref="Solve"/>'s optimal
    /// one. Otherwise every minimum is set aside: the result has the most pairs that any choice within every maximum
    /// can have (for reviewer assignment: the most reviews that can be given at all) and, among choices with that many
    /// pairs, the greatest total score; <see cref="AssignmentResult.Infeasibility"/> then says why the full assignment
    /// does not exist. Two exact steps: a maximum flow counts the pairs, then the min-cost flow is held to that count.
    /// </summary>
    public static AssignmentResult SolveMaximal(AssignmentProblem problem)
    {
        var full = Solve(problem);
        if (full.Feasible)
        {
            return full;
        }

        var clock = Stopwatch.StartNew();
        var scale = ScaleOf(problem);
        var network = AssignmentNetwork.Build(problem, scale, exactPairs: MostPairs(problem));
        if (network.Solve() != FlowStatus.Optimal)
        {
            throw new InvalidOperationException("A flow of the maximum size exists by construction, yet the solver found none.");
        }

        var (chosen, objective) = Chosen(problem, network);
        return new AssignmentResult(chosen, objective, null, full.Infeasibility, full.Pivots + network.Pivots, full.SolveTime + clock.Elapsed);
    }

    /// <summary>
    /// The scale of the problem's scores; with quotas, one that keeps the quota bonus (twice the largest cost per pair
    /// that can be chosen) within exact range too.
    /// </summary>
    private static ScoreScale ScaleOf(AssignmentProblem problem)
    {
        long headroom = problem.Quotas is null ? 1 : (2L * problem.Candidates.Count) + 1;
        return ScoreScale.For(problem.Candidates.Select(i => problem.Pairs[i].Score), headroom);
    }

    /// <summary>The most pairs a choice can have within every maximum, ignoring minimums and scores.</summary>
    private static long MostPairs(AssignmentProblem problem)
    {
        int leftCount = problem.Left.Count;
        int source = AssignmentNetwork.Source(problem);
        int sink = AssignmentNetwork.Sink(problem);
        var flow = new MaxFlow(sink + 1);
        foreach (int i in problem.Candidates)
        {
            flow.AddArc(problem.Pairs[i].Left, leftCount + problem.Pairs[i].Right, 1);
        }

        for (int l = 0; l < leftCount; l++)
        {
            flow.AddArc(source, l, problem.Left[l].Max);
        }

        for (int r = 0; r < problem.Right.Count; r++)
        {
            flow.AddArc(leftCount + r, sink, problem.Right[r].Max);
        }

        return flow.Run(source, sink);
    }

    private static (List<int> Chosen, decimal Objective) Chosen(AssignmentProblem problem, NetworkSimplex network)
    {
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

        return (chosen, objective);
    }
}
