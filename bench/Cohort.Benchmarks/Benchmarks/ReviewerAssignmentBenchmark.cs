using BenchmarkDotNet.Attributes;
using Cohort.Benchmarks.Compare;
using Cohort.Benchmarks.Instances;
using Cohort.Matching.Flow;
using Google.OrTools.Graph;

namespace Cohort.Benchmarks.Benchmarks;

/// <summary>
/// The dense reviewer instance under BenchmarkDotNet: each iteration builds a fresh solver (a
/// solved one cannot be solved again) and times only Solve. `compare` gives the same figures faster.
/// </summary>
[InvocationCount(1)]
public class ReviewerAssignmentBenchmark
{
    private FlowGraph _graph = null!;
    private NetworkSimplex _ours = null!;
    private MinCostFlow _theirs = null!;

    [GlobalSetup]
    public void Setup() => _graph = ReviewerInstance.Dense().ToFlowGraph();

    [IterationSetup(Target = nameof(CohortNetworkSimplex))]
    public void BuildOurs() => _ours = FlowSolvers.BuildOurs(_graph);

    [IterationSetup(Target = nameof(OrToolsMinCostFlow))]
    public void BuildTheirs() => _theirs = FlowSolvers.BuildOrTools(_graph);

    [Benchmark(Baseline = true, Description = "OR-Tools MinCostFlow")]
    public long OrToolsMinCostFlow() => FlowSolvers.SolveOrTools(_theirs);

    [Benchmark(Description = "Cohort.Matching NetworkSimplex")]
    public long CohortNetworkSimplex() => FlowSolvers.SolveOurs(_ours);
}
