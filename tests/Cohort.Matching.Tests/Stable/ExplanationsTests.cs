using Cohort.Matching.Stable;
using Cohort.Matching.Text;

namespace Cohort.Matching.Tests.Stable;

public class ExplanationsTests
{
    private static readonly string[] Projects = ["Project A", "Project B", "Project C"];
    private static readonly Noun Fellow = new("fellow", "fellows");

    [Fact]
    public void A_full_first_choice_names_the_places_and_positions()
    {
        // Candidates 0..3; candidate 3 ranks A, B, C. A takes 2 and ranks 0, 1, 2, 3; B ranks nobody.
        var instance = DeferredAcceptanceTests.Instance(
            [[0], [0], [0], [0, 1, 2]],
            [[0, 1, 2, 3], [], [3]],
            [2, 1, 1]);
        var result = StableMatcher.Solve(instance);
        var texts = Explanations.Explain(result.StrictInstance, result.HostOf, Projects, Fellow);
        Assert.Equal(
            "You ranked Project A first. Project A filled its 2 places with fellows it ranked above you (1st and 2nd; you were 4th). " +
            "Project B did not rank you. You were placed at Project C, your 3rd choice.",
            texts[3]);
    }

    [Fact]
    public void A_first_choice_placement_says_so_and_nothing_more()
    {
        var instance = DeferredAcceptanceTests.Instance([[1]], [[], [0]], [1, 1]);
        var result = StableMatcher.Solve(instance);
        Assert.Equal("You were placed at Project B, your 1st choice.", Explanations.Explain(result.StrictInstance, result.HostOf, Projects, Fellow)[0]);
    }

    [Fact]
    public void An_unplaced_candidate_hears_why_each_choice_said_no()
    {
        var instance = DeferredAcceptanceTests.Instance([[0], [0, 2]], [[0, 1], [], [1]], [1, 1, 0]);
        var result = StableMatcher.Solve(instance);
        Assert.Equal(
            "You ranked Project A first. Project A filled its 1 place with a fellow it ranked above you (1st; you were 2nd). " +
            "Project C has no places. You were not placed.",
            Explanations.Explain(result.StrictInstance, result.HostOf, Projects, Fellow)[1]);
    }

    [Fact]
    public void An_empty_ranking_is_explained()
    {
        var instance = DeferredAcceptanceTests.Instance([[]], [[0]], [1]);
        var result = StableMatcher.Solve(instance);
        Assert.Equal("You ranked nothing, so you could not be placed.", Explanations.Explain(result.StrictInstance, result.HostOf, Projects, Fellow)[0]);
    }

    [Fact]
    public void An_unstable_matching_is_refused_rather_than_explained_wrongly()
    {
        var instance = DeferredAcceptanceTests.Instance([[0, 1]], [[0], [0]], [1, 1]);
        Assert.Throws<InvalidOperationException>(() => Explanations.Explain(instance, [1], Projects, Fellow));
    }
}
