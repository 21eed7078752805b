using Cohort.Benchmarks.Instances;
using Cohort.Matching.Flow;
using Google.OrTools.Graph;

namespace Cohort.Benchmarks.Compare;

/// <summary>Builds one <see cref="FlowGraph"/> into each solver, then solves it.</summary>
public static class FlowSolvers
{
    public static NetworkSimplex BuildOurs(FlowGraph graph)
    {
        var solver = new NetworkSimplex(graph.NodeCount, graph.ArcCount);
        for (int a = 0; a < graph.ArcCount; a++)
        {
            solver.AddArc(graph.Tails[a], graph.Heads[a], 0, graph.Capacities[a], graph.Costs[a]);
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            solver.SetSupply(v, graph.Supplies[v]);
        }

        return solver;
    }

    public static long SolveOurs(NetworkSimplex solver) =>
        solver.Solve() == FlowStatus.Optimal ? solver.TotalCost() : throw new InvalidOperationException("ours: infeasible");

    public static MinCostFlow BuildOrTools(FlowGraph graph)
    {
        var solver = new MinCostFlow(graph.NodeCount, graph.ArcCount);
        for (int a = 0; a < graph.ArcCount; a++)
        {
            solver.AddArcWithCapacityAndUnitCost(graph.Tails[a], graph.Heads[a], graph.Capacities[a], graph.Costs[a]);
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            solver.SetNodeSupply(v, graph.Supplies[v]);
        }

        return solver;
    }

    public static long SolveOrTools(MinCostFlow solver) =>
        solver.Solve() == MinCostFlowBase.Status.OPTIMAL ? solver.OptimalCost() : throw new InvalidOperationException("OR-Tools: not optimal");
}
