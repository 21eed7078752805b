using System.Runtime.CompilerServices;
using Cohort.Matching.Flow;

namespace Cohort.Matching.Assignment;

/// <summary>
/// The flow network of an <see cref="AssignmentProblem"/>: left person i is node i, right person
/// j is node L+j, then a source and a sink. Arcs: candidate pairs first (left → right, capacity 1,
/// cost −score), then source → left [min, max], right → sink [min, max], and sink → source, which
/// closes the circulation and lets the solver choose how many pairs to use.
/// </summary>
public static class AssignmentNetwork
{
    /// <summary>Node index of the source.</summary>
    public static int Source(AssignmentProblem problem) => problem.Left.Count + problem.Right.Count;

    /// <summary>Node index of the sink.</summary>
    public static int Sink(AssignmentProblem problem) => problem.Left.Count + problem.Right.Count + 1;

    /// <summary>Node index of right person <paramref name="right"/>.</summary>
    public static int RightNode(AssignmentProblem problem, int right) => problem.Left.Count + right;

    /// <summary>
    /// Builds the network; arc i (for i below the candidate count) is candidate i. With <paramref name="exactPairs"/>,
    /// every minimum is set aside and the solution uses exactly that many pairs (see <see cref="AssignmentSolver.SolveMaximal"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NetworkSimplex Build(AssignmentProblem problem, ScoreScale scale, long? exactPairs = null)
    {
        bool minimums = exactPairs is null;
        int leftCount = problem.Left.Count;
        int source = Source(problem);
        int sink = Sink(problem);
        var network = new NetworkSimplex(sink + 1, problem.Candidates.Count + leftCount + problem.Right.Count + 1);
        foreach (int i in problem.Candidates)
        {
            var pair = problem.Pairs[i];
            network.AddArc(pair.Left, leftCount + pair.Right, 0, 1, scale.CostOf(pair.Score));
        }

        long leftMaxTotal = 0;
        for (int l = 0; l < leftCount; l++)
        {
            network.AddArc(source, l, minimums ? problem.Left[l].Min : 0, problem.Left[l].Max, 0);
            leftMaxTotal += problem.Left[l].Max;
        }

        for (int r = 0; r < problem.Right.Count; r++)
        {
            network.AddArc(leftCount + r, sink, minimums ? problem.Right[r].Min : 0, problem.Right[r].Max, 0);
        }

        network.AddArc(sink, source, exactPairs ?? 0, exactPairs ?? leftMaxTotal, 0);
        return network;
    }
}
