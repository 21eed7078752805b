using Cohort.Matching.Stable;

namespace Cohort.Matching.Tests.Stable;

public class StabilityCheckerTests
{
    private static readonly StableMatchingInstance TwoByTwo =
        DeferredAcceptanceTests.Instance([[0, 1], [1, 0]], [[1, 0], [0, 1]], [1, 1]);

    [Fact]
    public void A_pair_that_prefers_each_other_is_reported_as_blocking()
    {
        // a and b both unmatched, though each ranks a host with a free place.
        var certificate = StabilityChecker.Check(TwoByTwo, [-1, -1]);
        Assert.False(certificate.IsStable);
        Assert.Equal(4, certificate.BlockingPairCount);
        Assert.Contains((0, 0), certificate.BlockingPairs);
    }

    [Fact]
    public void Every_blocking_pair_is_counted_and_only_as_many_as_asked_are_listed()
    {
        // The same four blocking pairs as above: a and b each with both hosts.
        var certificate = StabilityChecker.Check(TwoByTwo, [-1, -1], listed: 3);
        Assert.Equal(4, certificate.BlockingPairCount);
        Assert.Equal(3, certificate.BlockingPairs.Count);
        Assert.Equal(4, StabilityChecker.Check(TwoByTwo, [-1, -1], listed: int.MaxValue).BlockingPairs.Count);
    }

    [Fact]
    public void Too_many_candidates_at_one_host_breaks_capacity()
    {
        var certificate = StabilityChecker.Check(TwoByTwo, [0, 0]);
        Assert.False(certificate.CapacitiesRespected);
    }

    [Fact]
    public void A_pair_the_host_did_not_rank_is_not_acceptable()
    {
        var instance = DeferredAcceptanceTests.Instance([[0]], [[]], [1]);
        Assert.False(StabilityChecker.Check(instance, [0]).OnlyAcceptablePairs);
        Assert.True(StabilityChecker.Check(instance, [-1]).IsStable);
    }

    [Fact]
    public void Both_proposer_optimal_matchings_of_the_two_by_two_pass()
    {
        Assert.True(StabilityChecker.Check(TwoByTwo, [0, 1]).IsStable);
        Assert.True(StabilityChecker.Check(TwoByTwo, [1, 0]).IsStable);
    }
}
