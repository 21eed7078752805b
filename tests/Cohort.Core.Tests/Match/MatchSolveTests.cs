using Cohort.Core.Match;

namespace Cohort.Core.Tests.Match;

/// <summary>The pure solve on hand-built inputs: who proposes changes who is favoured, and "not acceptable" is absolute.</summary>
public sealed class MatchSolveTests
{
    // Two one-seat streams that rank the applicants the opposite way to how the applicants rank them.
    private static readonly MatchInput Crossed = new(
        [new MatchHost(1, "Alpha", 1, ["b", "a"]), new MatchHost(2, "Beta", 1, ["a", "b"])],
        [new MatchCandidate("a", "Ayo", [1, 2]), new MatchCandidate("b", "Bea", [2, 1])]);

    [Fact]
    public void Applicants_proposing_get_their_first_choices_and_streams_proposing_get_theirs()
    {
        var forApplicants = MatchSolver.Solve(Crossed, MatchAlgorithm.CandidatesPropose, MatchKind.Streams).Placements.ToDictionary(p => p.CandidateId, p => p.HostId);
        var forStreams = MatchSolver.Solve(Crossed, MatchAlgorithm.HostsPropose, MatchKind.Streams).Placements.ToDictionary(p => p.CandidateId, p => p.HostId);

        Assert.Equal((1, 2), (forApplicants["a"]!.Value, forApplicants["b"]!.Value));
        Assert.Equal((2, 1), (forStreams["a"]!.Value, forStreams["b"]!.Value));
    }

    [Fact]
    public void An_applicant_a_stream_left_out_of_its_ranking_is_never_placed_there_even_with_a_seat_free()
    {
        var input = new MatchInput([new MatchHost(1, "Alpha", 2, ["a"])], [new MatchCandidate("a", "Ayo", [1]), new MatchCandidate("b", "Bea", [1])]);

        var result = MatchSolver.Solve(input, MatchAlgorithm.CandidatesPropose, MatchKind.Streams);

        Assert.Null(result.Placements.Single(p => p.CandidateId == "b").HostId);
        Assert.Equal(1, result.Fills.Single().Filled);
        Assert.True(result.Certificate.IsStable);
    }

    [Theory]
    [InlineData(MatchKind.Streams, "an applicant", "stable, applicants proposing")]
    [InlineData(MatchKind.Projects, "a fellow", "stable, fellows proposing")]
    public void Each_kind_of_run_explains_and_describes_itself_in_its_own_words(MatchKind kind, string other, string described)
    {
        var input = new MatchInput([new MatchHost(1, "Alpha", 1, ["a", "b"])], [new MatchCandidate("a", "Ayo", [1]), new MatchCandidate("b", "Bea", [1])]);

        var result = MatchSolver.Solve(input, MatchAlgorithm.CandidatesPropose, kind);

        Assert.Contains($"Alpha filled its 1 place with {other} it ranked above you (1st; you were 2nd).", result.Placements.Single(p => p.CandidateId == "b").Explanation, StringComparison.Ordinal);
        Assert.Equal(described, MatchAlgorithm.CandidatesPropose.Describe(kind));
    }
}
