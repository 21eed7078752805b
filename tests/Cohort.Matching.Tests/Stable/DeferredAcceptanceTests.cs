using Cohort.Matching.Stable;
using Cohort.Matching.Tests.Generators;
using FsCheck.Xunit;

namespace Cohort.Matching.Tests.Stable;

public class DeferredAcceptanceTests
{
    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 300)]
    public bool Applicant_proposing_result_passes_the_certificate(StableCase c) =>
        StableMatcher.Solve(c.ToInstance(), Proposer.Applicants).Certificate.IsStable;

    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 300)]
    public bool Mentor_proposing_result_passes_the_certificate(StableCase c) =>
        StableMatcher.Solve(c.ToInstance(), Proposer.Mentors).Certificate.IsStable;

    [Property(Arbitrary = [typeof(TiedArbitraries)], MaxTest = 300)]
    public bool Results_with_ties_are_stable_for_the_original_rankings(StableCase c)
    {
        var instance = c.ToInstance();
        var applicants = StableMatcher.Solve(instance, Proposer.Applicants, seed: 7);
        var mentors = StableMatcher.Solve(instance, Proposer.Mentors, seed: 7);
        return applicants.Certificate.IsStable && mentors.Certificate.IsStable && applicants.TiesBroken == c.HasTies;
    }

    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 300)]
    public bool Every_applicant_weakly_prefers_the_applicant_proposing_result(StableCase c)
    {
        var instance = c.ToInstance();
        var ours = StableMatcher.Solve(instance, Proposer.Applicants).MentorOf;
        var theirs = StableMatcher.Solve(instance, Proposer.Mentors).MentorOf;
        return Enumerable.Range(0, instance.ApplicantCount).All(a => Choice(instance, a, ours[a]) <= Choice(instance, a, theirs[a]));
    }

    [Property(Arbitrary = [typeof(StableArbitraries)], MaxTest = 200)]
    public bool Both_results_match_the_same_applicants(StableCase c)
    {
        // The rural hospitals theorem: every stable matching matches the same applicants.
        var instance = c.ToInstance();
        var ours = StableMatcher.Solve(instance, Proposer.Applicants).MentorOf;
        var theirs = StableMatcher.Solve(instance, Proposer.Mentors).MentorOf;
        return ours.Select(m => m >= 0).SequenceEqual(theirs.Select(m => m >= 0));
    }

    [Property(Arbitrary = [typeof(TiedArbitraries)], MaxTest = 100)]
    public bool The_same_seed_gives_the_same_matching(StableCase c)
    {
        var instance = c.ToInstance();
        return StableMatcher.Solve(instance, seed: 42).MentorOf.SequenceEqual(StableMatcher.Solve(instance, seed: 42).MentorOf);
    }

    [Fact]
    public void Applicants_proposing_get_their_first_choices_in_the_classic_two_by_two()
    {
        var instance = Instance([[0, 1], [1, 0]], [[1, 0], [0, 1]], [1, 1]);
        Assert.Equal([0, 1], StableMatcher.Solve(instance, Proposer.Applicants).MentorOf);
        Assert.Equal([1, 0], StableMatcher.Solve(instance, Proposer.Mentors).MentorOf);
    }

    [Fact]
    public void A_pair_is_used_only_when_both_sides_rank_each_other()
    {
        // b ranks Y, but Y does not rank b; X is full with c and a.
        var instance = Instance([[0], [0, 1], [0, 1]], [[2, 0, 1], [2]], [2, 1]);
        Assert.Equal([0, -1, 0], StableMatcher.Solve(instance).MentorOf);
    }

    [Fact]
    public void A_tie_is_reported_and_broken_by_the_seeded_lottery()
    {
        var builder = new PreferencesBuilder();
        builder.BeginRanking();
        builder.AddGroup([0, 1]);
        var mentors = builder.Build();
        var instance = new StableMatchingInstance(Preferences.Strict([[0], [0]]), mentors, [1]);
        var winners = Enumerable.Range(0, 20).Select(seed => Array.IndexOf(StableMatcher.Solve(instance, seed: (ulong)seed).MentorOf, 0)).ToHashSet();
        Assert.True(StableMatcher.Solve(instance).TiesBroken);
        Assert.Equal([0, 1], winners.Order());
    }

    [Fact]
    public void A_mentor_with_no_places_takes_nobody()
    {
        var instance = Instance([[0, 1]], [[0], [0]], [0, 1]);
        Assert.Equal([1], StableMatcher.Solve(instance).MentorOf);
    }

    internal static StableMatchingInstance Instance(int[][] applicants, int[][] mentors, int[] capacities) =>
        new(Preferences.Strict(applicants), Preferences.Strict(mentors), capacities);

    private static int Choice(StableMatchingInstance instance, int applicant, int mentor) =>
        mentor < 0 ? int.MaxValue : instance.FindApplicantEntry(applicant, mentor);
}
