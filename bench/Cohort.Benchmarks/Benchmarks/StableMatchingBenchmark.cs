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

    [Benchmark(Description = "applicants propose (StableMatcher.Solve, certificate included)")]
    public int ApplicantsProposeWithCertificate() => StableMatcher.Solve(_instance, Proposer.Applicants).Certificate.BlockingPairCount;

    [Benchmark(Description = "applicants propose (deferred acceptance only)")]
    public long ApplicantsPropose() => DeferredAcceptance.Run(_instance, Proposer.Applicants).Proposals;

    [Benchmark(Description = "mentors propose (deferred acceptance only)")]
    public long MentorsPropose() => DeferredAcceptance.Run(_instance, Proposer.Mentors).Proposals;
}
