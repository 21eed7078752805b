using Cohort.Matching.Stable;

namespace Cohort.Matching.Tests.Stable;

public class ExplanationsTests
{
    private static readonly string[] Streams = ["Stream A", "Stream B", "Stream C"];

    [Fact]
    public void A_full_first_choice_names_the_places_and_positions()
    {
        // Applicants 0..3; applicant 3 ranks A, B, C. A takes 2 and ranks 0, 1, 2, 3; B ranks nobody.
        var instance = DeferredAcceptanceTests.Instance(
            [[0], [0], [0], [0, 1, 2]],
            [[0, 1, 2, 3], [], [3]],
            [2, 1, 1]);
        var result = StableMatcher.Solve(instance);
        var texts = Explanations.Explain(result.StrictInstance, result.MentorOf, Streams);
        Assert.Equal(
            "You ranked Stream A first. Stream A filled its 2 places with applicants it ranked above you (1st and 2nd; you were 4th). " +
            "Stream B did not rank you. You were placed at Stream C, your 3rd choice.",
            texts[3]);
    }

    [Fact]
    public void A_first_choice_placement_says_so_and_nothing_more()
    {
        var instance = DeferredAcceptanceTests.Instance([[1]], [[], [0]], [1, 1]);
        var result = StableMatcher.Solve(instance);
        Assert.Equal("You were placed at Stream B, your 1st choice.", Explanations.Explain(result.StrictInstance, result.MentorOf, Streams)[0]);
    }

    [Fact]
    public void An_unplaced_applicant_hears_why_each_choice_said_no()
    {
        var instance = DeferredAcceptanceTests.Instance([[0], [0, 2]], [[0, 1], [], [1]], [1, 1, 0]);
        var result = StableMatcher.Solve(instance);
        Assert.Equal(
            "You ranked Stream A first. Stream A filled its 1 place with an applicant it ranked above you (1st; you were 2nd). " +
            "Stream C has no places. You were not placed.",
            Explanations.Explain(result.StrictInstance, result.MentorOf, Streams)[1]);
    }

    [Fact]
    public void An_empty_ranking_is_explained()
    {
        var instance = DeferredAcceptanceTests.Instance([[]], [[0]], [1]);
        var result = StableMatcher.Solve(instance);
        Assert.Equal("You ranked nothing, so you could not be placed.", Explanations.Explain(result.StrictInstance, result.MentorOf, Streams)[0]);
    }

    [Fact]
    public void An_unstable_matching_is_refused_rather_than_explained_wrongly()
    {
        var instance = DeferredAcceptanceTests.Instance([[0, 1]], [[0], [0]], [1, 1]);
        Assert.Throws<InvalidOperationException>(() => Explanations.Explain(instance, [1], Streams));
    }
}
