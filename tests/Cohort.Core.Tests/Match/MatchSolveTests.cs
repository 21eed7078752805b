using Cohort.Core.Match;

namespace Cohort.Core.Tests.Match;

/// <summary>The pure solve on hand-built inputs: who proposes changes who is favoured, and "not acceptable" is absolute.</summary>
public sealed class MatchSolveTests
{
    // Two one-seat streams that rank the applicants the opposite way to how the applicants rank them.
    private static readonly MatchInput Crossed = new(
        [new MatchStream(1, "Alpha", 1, ["b", "a"]), new MatchStream(2, "Beta", 1, ["a", "b"])],
        [new MatchApplicant("a", "Ayo", [1, 2]), new MatchApplicant("b", "Bea", [2, 1])]);

    [Fact]
    public void Applicants_proposing_get_their_first_choices_and_streams_proposing_get_theirs()
    {
        var forApplicants = RunMatch.Solve(Crossed, MatchAlgorithm.Applicants).Placements.ToDictionary(p => p.ApplicantId, p => p.StreamId);
        var forStreams = RunMatch.Solve(Crossed, MatchAlgorithm.Streams).Placements.ToDictionary(p => p.ApplicantId, p => p.StreamId);

        Assert.Equal((1, 2), (forApplicants["a"]!.Value, forApplicants["b"]!.Value));
        Assert.Equal((2, 1), (forStreams["a"]!.Value, forStreams["b"]!.Value));
    }

    [Fact]
    public void An_applicant_a_stream_left_out_of_its_ranking_is_never_placed_there_even_with_a_seat_free()
    {
        var input = new MatchInput([new MatchStream(1, "Alpha", 2, ["a"])], [new MatchApplicant("a", "Ayo", [1]), new MatchApplicant("b", "Bea", [1])]);

        var result = RunMatch.Solve(input, MatchAlgorithm.Applicants);

        Assert.Null(result.Placements.Single(p => p.ApplicantId == "b").StreamId);
        Assert.Equal(1, result.Fills.Single().Filled);
        Assert.True(result.Certificate.IsStable);
    }
}
