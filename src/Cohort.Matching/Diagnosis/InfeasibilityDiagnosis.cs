using Cohort.Matching.Assignment;
using Cohort.Matching.Flow;

namespace Cohort.Matching.Diagnosis;

/// <summary>
/// Explains an infeasible <see cref="AssignmentProblem"/> with a minimum cut. Lower bounds are
/// removed the standard way (a super source feeds every bound's head, a super sink drains every
/// bound's tail); a feasible assignment exists exactly when the maximum flow saturates them all.
/// Otherwise the nodes reachable from the super source, X, satisfy Hoffman's condition: the lower
/// bounds entering X exceed the capacities leaving X. Read in terms of the instance, X names a
/// group of people whose minimums cannot be met by the people who can reach them.
/// </summary>
public static class InfeasibilityDiagnosis
{
    /// <summary>Returns a reason why no assignment exists, or null when one does.</summary>
    public static Infeasibility? Diagnose(AssignmentProblem problem)
    {
        int leftCount = problem.Left.Count;
        int rightCount = problem.Right.Count;
        int source = AssignmentNetwork.Source(problem);
        int sink = AssignmentNetwork.Sink(problem);
        int superSource = sink + 1;
        int superSink = sink + 2;
        var flow = new MaxFlow(sink + 3);
        long lowerTotal = 0;

        void BoundedArc(int tail, int head, long lower, long upper)
        {
            flow.AddArc(tail, head, upper - lower);
            if (lower > 0)
            {
                flow.AddArc(superSource, head, lower);
                flow.AddArc(tail, superSink, lower);
                lowerTotal += lower;
            }
        }

        foreach (int i in problem.Candidates)
        {
            var pair = problem.Pairs[i];
            flow.AddArc(pair.Left, leftCount + pair.Right, 1);
        }

        for (int l = 0; l < leftCount; l++)
        {
            BoundedArc(source, l, problem.Left[l].Min, problem.Left[l].Max);
        }

        for (int r = 0; r < rightCount; r++)
        {
            BoundedArc(leftCount + r, sink, problem.Right[r].Min, problem.Right[r].Max);
        }

        // Unbounded, so no violated cut can separate the sink from the source this way.
        flow.AddArc(sink, source, long.MaxValue / 4);
        if (flow.Run(superSource, superSink) == lowerTotal)
        {
            return null;
        }

        var inCut = flow.ReachableFrom(superSource);
        return inCut[source]
            ? Describe(problem, InfeasibilityKind.RightMinimumsExceedCapacity, r => !inCut[leftCount + r], l => !inCut[l])
            : Describe(problem, InfeasibilityKind.LeftMinimumsExceedCapacity, l => inCut[l], r => inCut[leftCount + r]);
    }

    /// <summary>
    /// Builds the reason from the cut. When the source is outside X, X's left people need their
    /// minimums from X's right people (capacity: their maximums) or by pairs leaving X. When the
    /// source and sink are inside X, the right people outside X need their minimums from the left
    /// people outside X (capacity: their maximums) or by pairs entering from X.
    /// </summary>
    private static Infeasibility Describe(
        AssignmentProblem problem, InfeasibilityKind kind, Func<int, bool> demanding, Func<int, bool> supplying)
    {
        bool leftDemands = kind == InfeasibilityKind.LeftMinimumsExceedCapacity;
        var (demandBounds, supplyBounds) = leftDemands ? (problem.Left, problem.Right) : (problem.Right, problem.Left);
        var demandSet = Enumerable.Range(0, demandBounds.Count).Where(i => demanding(i) && demandBounds[i].Min > 0).ToList();
        var supplySet = Enumerable.Range(0, supplyBounds.Count).Where(supplying).ToList();
        var inDemand = new HashSet<int>(demandSet);
        var inSupply = new HashSet<int>(supplySet);

        long otherPairs = 0;
        var partners = new SortedSet<int>();
        foreach (int i in problem.Candidates)
        {
            var pair = problem.Pairs[i];
            var (d, s) = leftDemands ? (pair.Left, pair.Right) : (pair.Right, pair.Left);
            if (inDemand.Contains(d) && !inSupply.Contains(s))
            {
                otherPairs++;
                partners.Add(s);
            }
        }

        long required = demandSet.Sum(i => (long)demandBounds[i].Min);
        long available = supplySet.Sum(i => (long)supplyBounds[i].Max) + otherPairs;
        bool everyone = demandSet.Count == demandBounds.Count(b => b.Min > 0) && supplySet.Count == supplyBounds.Count;
        return new Infeasibility(kind, demandSet, supplySet, required, otherPairs, available, everyone, [.. partners]);
    }
}
