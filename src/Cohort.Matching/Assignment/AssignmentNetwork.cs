using System.Runtime.CompilerServices;
using Cohort.Matching.Flow;

namespace Cohort.Matching.Assignment;

/// <summary>
/// The flow network of an <see cref="AssignmentProblem"/>: left person i is node i, right person
/// j is node L+j, then a source and a sink. Arcs: candidate pairs first (left → right, capacity 1,
/// cost −score), then source → left [min, max], right → sink [min, max], and sink → source, which
/// closes the circulation and lets the solver choose how many pairs to use.
/// <para>
/// With quotas, right person j also has a quota node (after the sink): a marked pair goes left → quota node instead,
/// and two parallel arcs lead on to j: the first [0, quota] with cost −<see cref="QuotaBonus"/>, the second
/// [0, max] free. The bonus is larger than any difference between two choices' total scores, so a min-cost flow meets
/// as many quota units as can be met, and among those maximises the score.
/// </para>
/// </summary>
public static class AssignmentNetwork
{
    /// <summary>Node index of the source.</summary>
    public static int Source(AssignmentProblem problem) => problem.Left.Count + problem.Right.Count;

    /// <summary>Node index of the sink.</summary>
    public static int Sink(AssignmentProblem problem) => problem.Left.Count + problem.Right.Count + 1;

    /// <summary>Node index of right person <paramref name="right"/>.</summary>
    public static int RightNode(AssignmentProblem problem, int right) => problem.Left.Count + right;

    /// <summary>Node index of right person <paramref name="right"/>'s quota node (only in a problem with quotas).</summary>
    public static int QuotaNode(AssignmentProblem problem, int right) => Sink(problem) + 1 + right;

    /// <summary>How many nodes the network has.</summary>
    public static int NodeCount(AssignmentProblem problem) => Sink(problem) + 1 + (problem.Quotas is null ? 0 : problem.Right.Count);

    /// <summary>The node a candidate pair's arc leads to: its right person's quota node when the pair is marked.</summary>
    public static int HeadOf(AssignmentProblem problem, int pair) =>
        problem.Quotas?.IsMarked(pair) == true ? QuotaNode(problem, problem.Pairs[pair].Right) : RightNode(problem, problem.Pairs[pair].Right);

    /// <summary>
    /// The cost saved per quota unit met: one more than the largest possible difference between two choices' total
    /// costs (each has at most as many pairs as the smaller side's maximums allow, each pair within ± the largest cost).
    /// Zero without quotas.
    /// </summary>
    public static long QuotaBonus(AssignmentProblem problem, ScoreScale scale)
    {
        if (problem.Quotas is null)
        {
            return 0;
        }

        long largest = problem.Candidates.Select(i => Math.Abs(scale.CostOf(problem.Pairs[i].Score))).DefaultIfEmpty(0).Max();
        long pairs = Math.Min(Math.Min(problem.Left.Sum(b => (long)b.Max), problem.Right.Sum(b => (long)b.Max)), problem.Candidates.Count);
        return checked((2 * largest * pairs) + 1);
    }

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
        var network = new NetworkSimplex(NodeCount(problem), problem.Candidates.Count + leftCount + (3 * problem.Right.Count) + 1);
        foreach (int i in problem.Candidates)
        {
            network.AddArc(problem.Pairs[i].Left, HeadOf(problem, i), 0, 1, scale.CostOf(problem.Pairs[i].Score));
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
        if (problem.Quotas is { } quotas)
        {
            long bonus = QuotaBonus(problem, scale);
            for (int r = 0; r < problem.Right.Count; r++)
            {
                network.AddArc(QuotaNode(problem, r), leftCount + r, 0, quotas.PerRight[r], -bonus);
                network.AddArc(QuotaNode(problem, r), leftCount + r, 0, problem.Right[r].Max, 0);
            }
        }

        return network;
    }
}
