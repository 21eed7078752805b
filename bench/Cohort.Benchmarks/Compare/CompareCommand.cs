using System.Diagnostics;
using Cohort.Benchmarks.Instances;
using Cohort.Matching.Assignment;

namespace Cohort.Benchmarks.Compare;

/// <summary>
/// `compare`: our network simplex against OR-Tools' MinCostFlow on the identical graph, in one
/// process, runs interleaved, objectives checked equal; prints medians and the ratio.
/// </summary>
public static class CompareCommand
{
    public static int Run(int runs, string which)
    {
        // The load average says how much else the machine was doing: both solvers share it, run by run.
        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, load average {load}, {runs} runs each, medians");
        bool allEqual = true;
        foreach (var instance in Instances(which))
        {
            allEqual &= CompareOn(instance, runs);
        }

        return allEqual ? 0 : 1;
    }

    private static IEnumerable<ReviewerInstance> Instances(string which)
    {
        if (which is "all" or "dense")
        {
            yield return ReviewerInstance.Dense();
        }

        if (which is "all" or "sparse")
        {
            yield return ReviewerInstance.Sparse();
        }
    }

    private static bool CompareOn(ReviewerInstance instance, int runs)
    {
        var graph = instance.ToFlowGraph();
        var problem = instance.ToProblem();
        Console.WriteLine($"\n{instance.Name}: {graph.NodeCount:N0} nodes, {graph.ArcCount:N0} arcs");
        var ours = new List<double>();
        var theirs = new List<double>();
        var oursEndToEnd = new List<double>();
        var costs = new HashSet<long>();
        int pivots = 0;
        var objectives = new HashSet<decimal>();
        for (int run = 0; run < runs; run++)
        {
            var ourSolver = FlowSolvers.BuildOurs(graph);
            ours.Add(Time(() => costs.Add(FlowSolvers.SolveOurs(ourSolver))));
            pivots = ourSolver.Pivots;
            using (var orTools = FlowSolvers.BuildOrTools(graph))
            {
                theirs.Add(Time(() => costs.Add(FlowSolvers.SolveOrTools(orTools))));
            }

            oursEndToEnd.Add(Time(() => objectives.Add(AssignmentSolver.Solve(problem).Objective)));
        }

        double ratio = Median(ours) / Median(theirs);
        bool equal = costs.Count == 1 && objectives.Count == 1 && objectives.Single() == -costs.Single();
        Console.WriteLine($"  ours (network simplex) solve:       {Median(ours),8:F1} ms   [{Join(ours)}], {pivots:N0} pivots");
        Console.WriteLine($"  OR-Tools MinCostFlow solve:         {Median(theirs),8:F1} ms   [{Join(theirs)}]");
        Console.WriteLine($"  ratio ours / OR-Tools:              {ratio,8:F3}");
        Console.WriteLine($"  ours end to end (AssignmentSolver): {Median(oursEndToEnd),8:F1} ms   (graph build, solve, duals)");
        Console.WriteLine($"  objective: {string.Join(" / ", costs.Select(c => -c))} (both solvers), AssignmentSolver {string.Join(" / ", objectives)}: {(equal ? "equal" : "DIFFERENT")}");
        return equal;
    }

    private static string Join(List<double> times) => string.Join(", ", times.Select(t => t.ToString("F0")));

    private static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
