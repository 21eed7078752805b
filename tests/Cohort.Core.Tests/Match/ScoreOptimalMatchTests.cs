using Cohort.Core.Match;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// The match optimal on scores, on inputs solved by hand and against brute force: it maximises the streams' total
/// score over pairs both sides accept and the stream has scored, proves it, and still reports blocking pairs.
/// </summary>
public sealed class ScoreOptimalMatchTests
{
    // Both applicants prefer Alpha, and Alpha ranks Ayo first: the stable match gives Ayo Alpha and Bea Beta (9 + 1).
    // Beta values Ayo far above Bea while Alpha values them alike, so the best total is Ayo at Beta and Bea at Alpha (9 + 8).
    private static readonly MatchInput Contested = new(
        [
            new MatchHost(1, "Alpha", 1, ["a", "b"], new Dictionary<string, double> { ["a"] = 9, ["b"] = 8 }),
            new MatchHost(2, "Beta", 1, ["a", "b"], new Dictionary<string, double> { ["a"] = 9, ["b"] = 1 }),
        ],
        [new MatchCandidate("a", "Ayo", [1, 2]), new MatchCandidate("b", "Bea", [1, 2])]);

    [Fact]
    public void It_places_for_the_highest_total_score_proves_it_and_reports_the_blocking_pair_the_stable_match_avoids()
    {
        var stable = MatchSolver.Solve(Contested, MatchAlgorithm.CandidatesPropose, MatchKind.Streams).Placements.ToDictionary(p => p.CandidateId, p => p.HostId);
        var optimal = MatchSolver.Solve(Contested, MatchAlgorithm.Scores, MatchKind.Streams);

        var placed = optimal.Placements.ToDictionary(p => p.CandidateId, p => p.HostId);
        Assert.Equal((1, 2), (stable["a"]!.Value, stable["b"]!.Value));
        Assert.Equal((2, 1), (placed["a"]!.Value, placed["b"]!.Value));
        Assert.Equal(17, optimal.Certificate.TotalScore);
        Assert.True(optimal.Certificate.OptimalityProven);
        Assert.True(optimal.Certificate.Holds);
        Assert.Equal(1, optimal.Certificate.BlockingPairs);
        Assert.False(optimal.Certificate.IsStable);
        Assert.Equal([9.0, 8.0], optimal.Placements.Select(p => p.Score!.Value));
        Assert.Contains("Moving you to Alpha would not have given the match a higher total score", optimal.Placements[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_the_stream_has_not_scored_or_not_accepted_is_never_placed_even_with_seats_free()
    {
        var input = new MatchInput(
            [new MatchHost(1, "Alpha", 3, ["a", "b"], new Dictionary<string, double> { ["a"] = 2, ["c"] = 9 })],
            [new MatchCandidate("a", "Ayo", [1]), new MatchCandidate("b", "Bea", [1]), new MatchCandidate("c", "Cy", [1])]);

        var result = MatchSolver.Solve(input, MatchAlgorithm.Scores, MatchKind.Streams);

        var placed = result.Placements.ToDictionary(p => p.CandidateId);
        Assert.Equal(1, placed["a"].HostId);
        Assert.Null(placed["b"].HostId);
        Assert.Null(placed["c"].HostId);
        Assert.Contains("Alpha has not scored you", placed["b"].Explanation, StringComparison.Ordinal);
        Assert.Contains("Alpha did not rank you as acceptable", placed["c"].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_scores_go_to_the_applicants_preferences_and_an_unplaced_applicant_reads_that_the_seats_went_to_higher_scores()
    {
        var equal = new Dictionary<string, double> { ["a"] = 5, ["b"] = 5 };
        var input = new MatchInput(
            [new MatchHost(1, "Alpha", 1, ["a", "b"], equal), new MatchHost(2, "Beta", 1, ["a", "b"], equal)],
            [new MatchCandidate("a", "Ayo", [2, 1]), new MatchCandidate("b", "Bea", [1, 2]), new MatchCandidate("c", "Cy", [1])]);
        var withCy = input with { Hosts = [input.Hosts[0] with { Ranking = ["a", "b", "c"], Scores = new Dictionary<string, double>(equal) { ["c"] = 4 } }, input.Hosts[1]] };

        var result = MatchSolver.Solve(withCy, MatchAlgorithm.Scores, MatchKind.Streams);

        var placed = result.Placements.ToDictionary(p => p.CandidateId);
        Assert.Equal((2, 1), (placed["a"].HostId!.Value, placed["b"].HostId!.Value));
        Assert.Contains("Alpha's seats went to applicants it scored at least as high as you", placed["c"].Explanation, StringComparison.Ordinal);
        Assert.EndsWith("You were not placed.", placed["c"].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void On_random_small_inputs_the_total_equals_the_best_total_found_by_trying_every_placement(int seed)
    {
        var random = new Random(seed);
        for (var instance = 0; instance < 40; instance++)
        {
            var input = RandomInput(random);

            var result = MatchSolver.Solve(input, MatchAlgorithm.Scores, MatchKind.Streams);

            Assert.True(result.Certificate.Holds, $"seed {seed}, instance {instance}");
            Assert.Equal(BestTotal(input, 0, new int[input.Hosts.Count]), result.Certificate.TotalScore!.Value, 6);
        }
    }

    private static MatchInput RandomInput(Random random)
    {
        var applicants = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"p{i}").ToList();
        var streams = Enumerable.Range(1, random.Next(1, 4)).Select(id => new MatchHost(id, $"S{id}", random.Next(0, 3),
                applicants.Where(_ => random.NextDouble() < 0.8).ToList(),
                applicants.Where(_ => random.NextDouble() < 0.8).ToDictionary(a => a, _ => random.Next(0, 1001) / 100.0)))
            .ToList();
        return new MatchInput(streams, applicants.Select(a => new MatchCandidate(a, a,
            streams.Select(s => s.HostId).Where(_ => random.NextDouble() < 0.7).OrderBy(_ => random.Next()).ToList())).ToList());
    }

    /// <summary>The best total over every way to place applicants from <paramref name="next"/> on, by trying them all.</summary>
    private static double BestTotal(MatchInput input, int next, int[] filled)
    {
        if (next == input.Candidates.Count)
        {
            return 0;
        }

        var applicant = input.Candidates[next];
        var best = BestTotal(input, next + 1, filled);
        for (var s = 0; s < input.Hosts.Count; s++)
        {
            var stream = input.Hosts[s];
            if (filled[s] < stream.Capacity && applicant.Ranking.Contains(stream.HostId) && stream.Ranking.Contains(applicant.CandidateId)
                && stream.Scores!.TryGetValue(applicant.CandidateId, out var score))
            {
                filled[s]++;
                best = Math.Max(best, score + BestTotal(input, next + 1, filled));
                filled[s]--;
            }
        }

        return best;
    }
}
