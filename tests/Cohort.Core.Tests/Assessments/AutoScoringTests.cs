using Cohort.Core.Assessments;

namespace Cohort.Core.Tests.Assessments;

/// <summary>Automatic scores, each worked out by hand.</summary>
public sealed class AutoScoringTests
{
    // Shown as B, D, A, C; the key orders them A, B, C, D. Answers give each shown option its rank, one a line.
    private static readonly AssessmentItem Ordering = new()
    {
        Prompt = "Order these", Kind = ItemKind.Ordering, Points = 6,
        ChoicesText = "B\nD\nA\nC",
        AnswerKey = "A\nB\nC\nD",
    };

    [Theory]
    [InlineData("2\n4\n1\n3", 6.0)] // the key's own order: τ = 1
    [InlineData("3\n1\n4\n2", 0.0)] // the reverse: τ = −1
    [InlineData("2\n3\n1\n4", 5.0)] // C and D swapped: τ = 4/6, 6 × (1 + 2/3) / 2
    [InlineData("\n\n1\n", 5.12)] // only A ranked, the rest tied last: C = 3, D = 0, τ-b = 3/√(6·3), 6 × 1.7071 / 2
    [InlineData("", 0.0)]
    [InlineData("first\nsecond\n\n", 0.0)]
    public void An_ordering_scores_points_times_tau_plus_one_over_two(string places, double expected) =>
        Assert.Equal(expected, AutoScoring.Score(Ordering, places), 2);

    [Theory]
    [InlineData("Right", 2.0)]
    [InlineData("Wrong", 0.0)]
    [InlineData("right", 0.0)]
    [InlineData(null, 0.0)]
    public void Multiple_choice_scores_only_the_correct_option(string? answer, double expected) =>
        Assert.Equal(expected, AutoScoring.Score(new AssessmentItem { Prompt = "?", Kind = ItemKind.MultipleChoice, Points = 2, ChoicesText = "Right\nWrong", AnswerKey = "Right" }, answer));

    [Theory]
    [InlineData("0.75", 3.0)]
    [InlineData(" 0.754 ", 3.0)]
    [InlineData("0.7449", 0.0)]
    [InlineData("7.5e-1", 3.0)]
    [InlineData("0,75", 0.0)]
    [InlineData("three quarters", 0.0)]
    public void Numeric_answers_score_within_the_tolerance(string answer, double expected) =>
        Assert.Equal(expected, AutoScoring.Score(new AssessmentItem { Prompt = "?", Kind = ItemKind.Numeric, Points = 3, AnswerKey = "0.75", Tolerance = 0.005 }, answer));

    [Fact]
    public void Reviewer_scored_items_get_no_automatic_points() =>
        Assert.Equal(0, AutoScoring.Score(new AssessmentItem { Prompt = "?", Kind = ItemKind.FreeText, Points = 5, AnswerKey = "anything" }, "anything"));
}
