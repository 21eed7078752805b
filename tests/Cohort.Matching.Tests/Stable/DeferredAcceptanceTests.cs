using Cohort.Matching.Stable;
using Cohort.Matching.Tests.Generators;
using FsCheck.Xunit;

namespace Cohort.Matching.Tests.Stable;

public class DeferredAcceptanceTests
{
    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 300)]
    public bool Candidate_proposing_result_passes_the_certificate(StableCase c) =>
        StableMatcher.Solve(c.ToInstance(), Proposer.Candidates).Certificate.IsStable;

    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 300)]
    public bool Host_proposing_result_passes_the_certificate(StableCase c) =>
        StableMatcher.Solve(c.ToInstance(), Proposer.Hosts).Certificate.IsStable;

    [Property(Arbitrary = [typeof(TiedArbitraries)], MaxTest = 300)]
    public bool Results_with_ties_are_stable_for_the_original_rankings(StableCase c)
    {
        var instance = c.ToInstance();
        var candidates = StableMatcher.Solve(instance, Proposer.Candidates, seed: 7);
        var hosts = StableMatcher.Solve(instance, Proposer.Hosts, seed: 7);
        return candidates.Certificate.IsStable && hosts.Certificate.IsStable && candidates.TiesBroken == c.HasTies;
    }

    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 300)]
    public bool Every_candidate_weakly_prefers_the_candidate_proposing_result(StableCase c)
    {
        var instance = c.ToInstance();
        var ours = StableMatcher.Solve(instance, Proposer.Candidates).HostOf;
        var theirs = StableMatcher.Solve(instance, Proposer.Hosts).HostOf;
        return Enumerable.Range(0, instance.CandidateCount).All(a => Choice(instance, a, ours[a]) <= Choice(instance, a, theirs[a]));
    }

    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 200)]
    public bool Both_results_match_the_same_candidates(StableCase c)
    {
        // The rural hospitals theorem: every stable matching matches the same candidates.
        var instance = c.ToInstance();
        var ours = StableMatcher.Solve(instance, Proposer.Candidates).HostOf;
        var theirs = StableMatcher.Solve(instance, Proposer.Hosts).HostOf;
        return ours.Select(m => m >= 0).SequenceEqual(theirs.Select(m => m >= 0));
    }

    [Property(Arbitrary = [typeof(TiedArbitraries)], MaxTest = 100)]
    public bool The_same_seed_gives_the_same_matching(StableCase c)
    {
        var instance = c.ToInstance();
        return StableMatcher.Solve(instance, seed: 42).HostOf.SequenceEqual(StableMatcher.Solve(instance, seed: 42).HostOf);
    }

    [Fact]
    public void Candidates_proposing_get_their_first_choices_in_the_classic_two_by_two()
    {
        var instance = Instance([[0, 1], [1, 0]], [[1, 0], [0, 1]], [1, 1]);
        Assert.Equal([0, 1], StableMatcher.Solve(instance, Proposer.Candidates).HostOf);
        Assert.Equal([1, 0], StableMatcher.Solve(instance, Proposer.Hosts).HostOf);
    }

    [Fact]
    public void A_pair_is_used_only_when_both_sides_rank_each_other()
    {
        // b ranks Y, but Y does not rank b; X is full with c and a.
        var instance = Instance([[0], [0, 1], [0, 1]], [[2, 0, 1], [2]], [2, 1]);
        Assert.Equal([0, -1, 0], StableMatcher.Solve(instance).HostOf);
    }

    [Fact]
    public void A_tie_is_reported_and_broken_by_the_seeded_lottery()
    {
        var builder = new PreferencesBuilder();
        builder.BeginRanking();
        builder.AddGroup([0, 1]);
        var hosts = builder.Build();
        var instance = new StableMatchingInstance(Preferences.Strict([[0], [0]]), hosts, [1]);
        var winners = Enumerable.Range(0, 20).Select(seed => Array.IndexOf(StableMatcher.Solve(instance, seed: (ulong)seed).HostOf, 0)).ToHashSet();
        Assert.True(StableMatcher.Solve(instance).TiesBroken);
        Assert.Equal([0, 1], winners.Order());
    }

    [Fact]
    public void A_host_with_no_places_takes_nobody()
    {
        var instance = Instance([[0, 1]], [[0], [0]], [0, 1]);
        Assert.Equal([1], StableMatcher.Solve(instance).HostOf);
    }

    internal static StableMatchingInstance Instance(int[][] candidates, int[][] hosts, int[] capacities) =>
        new(Preferences.Strict(candidates), Preferences.Strict(hosts), capacities);

    private static int Choice(StableMatchingInstance instance, int candidate, int host) =>
        host < 0 ? int.MaxValue : instance.FindCandidateEntry(candidate, host);
}
