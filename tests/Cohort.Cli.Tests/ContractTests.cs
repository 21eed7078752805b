namespace Cohort.Cli.Tests;

/// <summary>The public cases of shared/contracts/matching-cli.md.</summary>
public class ContractTests
{
    [Fact]
    public void Stable_matching_with_applicants_proposing_gives_applicants_their_first_choices()
    {
        var run = Cohort.Run(Instances.TwoByTwo, "match", "stable");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("a", "X"), ("b", "Y")], run.Pairs("matches", "applicant", "mentor").Order());
        Assert.Equal("applicants", run.Json.GetProperty("proposer").GetString());
        Assert.True(run.Json.GetProperty("stable").GetBoolean());
    }

    [Fact]
    public void Stable_matching_with_mentors_proposing_gives_mentors_their_first_choices()
    {
        var run = Cohort.Run(Instances.TwoByTwo, "match", "stable", "--proposer", "mentors");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("a", "Y"), ("b", "X")], run.Pairs("matches", "applicant", "mentor").Order());
        Assert.Equal("mentors", run.Json.GetProperty("proposer").GetString());
    }

    [Fact]
    public void Stable_matching_respects_capacity_and_leaves_unacceptable_pairs_out()
    {
        var run = Cohort.Run(new
        {
            applicants = new object[]
            {
                new { id = "a", ranking = new[] { "X" } }, new { id = "b", ranking = new[] { "X", "Y" } },
                new { id = "c", ranking = new[] { "X", "Y" } },
            },
            mentors = new object[]
            {
                new { id = "X", capacity = 2, ranking = new[] { "c", "a", "b" } },
                new { id = "Y", capacity = 1, ranking = new[] { "c" } },
            },
        }, "match", "stable");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("a", "X"), ("c", "X")], run.Pairs("matches", "applicant", "mentor").Order());
        Assert.Equal(["b"], run.Json.GetProperty("unmatched").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Optimal_assignment_prefers_the_crossing_over_the_greedy_choice()
    {
        var run = Cohort.Run(Instances.Crossing, "match", "optimal");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("a1", "m2"), ("a2", "m1")], run.Pairs("matches", "applicant", "mentor").Order());
        Assert.Equal(8m, run.Json.GetProperty("objective").GetDecimal());
    }

    [Fact]
    public void Reviewer_assignment_respects_conflicts()
    {
        var run = Cohort.Run(Instances.Reviewers(conflicts: [new { application = "p2", reviewer = "r1" }]), "reviewers", "assign");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("p1", "r1"), ("p2", "r2")], run.Pairs("assignments", "application", "reviewer").Order());
        Assert.Equal(11m, run.Json.GetProperty("objective").GetDecimal());
    }

    [Fact]
    public void Every_result_carries_stats()
    {
        Assert.True(Cohort.Run(Instances.TwoByTwo, "match", "stable").Json.GetProperty("stats").TryGetProperty("solveMs", out _));
        Assert.True(Cohort.Run(Instances.Crossing, "match", "optimal").Json.GetProperty("stats").TryGetProperty("solveMs", out _));
    }
}
