namespace Cohort.Cli.Tests;

/// <summary>What the results add beyond the contract's minimum: certificates, explanations, tie-breaking facts.</summary>
public class ResultTests
{
    private static object Tied => new
    {
        applicants = new object[] { new { id = "a", ranking = new[] { "X" } }, new { id = "b", ranking = new[] { "X" } } },
        mentors = new object[] { new { id = "X", capacity = 1, ranking = new object[] { new[] { "a", "b" } } } },
    };

    [Fact]
    public void A_stable_result_carries_a_passing_certificate_and_one_explanation_per_applicant()
    {
        var json = Cohort.Run(Instances.TwoByTwo, "match", "stable").Json;
        var certificate = json.GetProperty("certificate");
        Assert.Equal(0, certificate.GetProperty("blockingPairCount").GetInt32());
        Assert.True(certificate.GetProperty("capacitiesRespected").GetBoolean());
        var explanations = json.GetProperty("explanations").EnumerateArray().ToList();
        Assert.Equal(["a", "b"], explanations.Select(e => e.GetProperty("applicant").GetString()));
        Assert.Equal("You were placed at X, your 1st choice.", explanations[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Ties_are_reported_with_the_seed_and_the_same_seed_repeats_the_result()
    {
        var first = Cohort.Run(Tied, "match", "stable", "--seed", "3");
        var again = Cohort.Run(Tied, "match", "stable", "--seed", "3");
        Assert.True(first.Json.GetProperty("tiesBroken").GetBoolean());
        Assert.Equal(3, first.Json.GetProperty("seed").GetInt32());
        Assert.Equal(first.Pairs("matches", "applicant", "mentor"), again.Pairs("matches", "applicant", "mentor"));
    }

    [Fact]
    public void Strict_rankings_report_that_no_tie_was_broken() =>
        Assert.False(Cohort.Run(Instances.TwoByTwo, "match", "stable").Json.GetProperty("tiesBroken").GetBoolean());

    [Fact]
    public void Decimal_affinities_give_an_exact_objective_and_a_proven_optimum()
    {
        var run = Cohort.Run(new
        {
            applications = new object[] { new { id = "p1", reviews = 1 }, new { id = "p2", reviews = 1 } },
            reviewers = new object[] { new { id = "r1", max = 1 }, new { id = "r2", max = 1 } },
            affinities = new object[]
            {
                new { application = "p1", reviewer = "r1", score = 0.1m }, new { application = "p2", reviewer = "r2", score = 0.2m },
                new { application = "p1", reviewer = "r2", score = 0.3000001m }, new { application = "p2", reviewer = "r1", score = 0m },
            },
        }, "reviewers", "assign");
        Assert.Equal(0.3000001m, run.Json.GetProperty("objective").GetDecimal());
        Assert.True(run.Json.GetProperty("certificate").GetProperty("optimalityProven").GetBoolean());
    }

    [Fact]
    public void Optimal_assignment_lists_unmatched_applicants()
    {
        var run = Cohort.Run(new
        {
            applicants = new object[] { new { id = "a1" }, new { id = "a2" } },
            mentors = new object[] { new { id = "m1", capacity = 1 } },
            scores = new object[] { new { applicant = "a1", mentor = "m1", score = 2 }, new { applicant = "a2", mentor = "m1", score = 1 } },
        }, "match", "optimal");
        Assert.Equal(["a2"], run.Json.GetProperty("unmatched").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Escaped_ids_and_unknown_fields_are_read_like_plain_ones()
    {
        // Escapes and extra fields send the instance past the fast reader to the thorough one.
        const string instance = """
            {"note": {"x": [1, 2]},
             "applicants": [{"id": "a\u00e9", "ranking": ["X"]}, {"id": "b", "ranking": ["X"], "extra": true}],
             "mentors": [{"id": "X", "capacity": 1, "ranking": ["b", "a\u00e9"]}]}
            """;
        var run = Cohort.Run(instance, "match", "stable");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("b", "X")], run.Pairs("matches", "applicant", "mentor"));
        Assert.Equal(["a\u00e9"], run.Json.GetProperty("unmatched").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void An_escaped_id_among_the_affinities_is_read_like_a_plain_one()
    {
        // "r\u0031" is "r1": the streaming reader of pairs gives up on escapes, the thorough one reads them.
        const string instance = """
            {"applications": [{"id": "p1", "reviews": 1}], "reviewers": [{"id": "r1", "max": 1}, {"id": "r2", "max": 1}],
             "affinities": [{"application": "p1", "reviewer": "r\u0031", "score": 2}, {"application": "p1", "reviewer": "r2", "score": 1}]}
            """;
        var run = Cohort.Run(instance, "reviewers", "assign");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("p1", "r1")], run.Pairs("assignments", "application", "reviewer"));
    }
}
