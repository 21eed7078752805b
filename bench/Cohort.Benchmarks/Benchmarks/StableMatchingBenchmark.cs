using BenchmarkDotNet.Attributes;
using Cohort.Benchmarks.Instances;
using Cohort.Matching.Stable;

namespace Cohort.Benchmarks.Benchmarks;

/// <summary>Deferred acceptance on the 45,000 × 6,000 instance, built once (parsing is timed by bench/run-matching.sh).</summary>
[MemoryDiagnoser]
public class StableMatchingBenchmark
{
    private StableMatchingInstance _instance = null!;

    [GlobalSetup]
    public void Setup() => _instance = StableInstanceGenerator.Instance();

    [Benchmark(Description = "candidates propose (StableMatcher.Solve, certificate included)")]
    public int CandidatesProposeWithCertificate() => StableMatcher.Solve(_instance, Proposer.Candidates).Certificate.BlockingPairCount;

    [Benchmark(Description = "candidates propose (deferred acceptance only)")]
    public long CandidatesPropose() => DeferredAcceptance.Run(_instance, Proposer.Candidates).Proposals;

    [Benchmark(Description = "hosts propose (deferred acceptance only)")]
    public long HostsPropose() => DeferredAcceptance.Run(_instance, Proposer.Hosts).Proposals;
}
