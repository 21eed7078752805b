namespace Cohort.Cli.Tests;

/// <summary>Invalid input exits 2 with a message naming the field or id, never a stack trace.</summary>
public class InvalidInputTests
{
    [Theory]
    [InlineData("match stable", """{"applicants":[{"id":"a","ranking":["Z"]}],"mentors":[{"id":"X","capacity":1,"ranking":["a"]}]}""", "applicants[0].ranking[0]: unknown mentor id \"Z\"")]
    [InlineData("match stable", """{"applicants":[{"id":"a","ranking":[]},{"id":"a","ranking":[]}],"mentors":[]}""", "applicants[1].id: duplicate applicant id \"a\"")]
    [InlineData("match stable", """{"applicants":[],"mentors":[{"id":"X","capacity":-2,"ranking":[]}]}""", "mentors[0].capacity: must not be negative")]
    [InlineData("match stable", """{"applicants":[{"id":"a","ranking":["X",["X"]]}],"mentors":[{"id":"X","capacity":1,"ranking":[]}]}""", "applicants[0].ranking[1][0]: \"X\" is ranked twice")]
    [InlineData("match stable", """{"applicants":[]}""", "mentors: missing")]
    [InlineData("match optimal", """{"applicants": [""", "broken JSON")]
    [InlineData("match optimal", """{"applicants":[{"id":"a"}],"mentors":[{"id":"m","max":1}],"scores":[{"applicant":"a","mentor":"m","score":"NaN"}]}""", "scores[0].score: must be a finite number")]
    [InlineData("match optimal", """{"applicants":[{"id":"a"}],"mentors":[{"id":"m","max":1}],"scores":[{"applicant":"a","mentor":"m","score":NaN}]}""", "broken JSON")]
    [InlineData("match optimal", """{"applicants":[{"id":"a","min":2,"max":1}],"mentors":[],"scores":[]}""", "applicants[0].min: 2 exceeds max 1")]
    [InlineData("match optimal", """{"applicants":[{"id":"a"}],"mentors":[{"id":"m"}],"scores":[]}""", "mentors[0].max: missing")]
    [InlineData("match optimal", """{"applicants":[{"id":"a"}],"mentors":[{"id":"m","max":1}],"scores":[{"applicant":"a","mentor":"m","score":1},{"applicant":"a","mentor":"m","score":2}]}""", "scores[1]: the pair (a, m) is scored twice")]
    [InlineData("match optimal", """{"applicants":[{"id":"a"}],"mentors":[{"id":"m","max":1}],"scores":[],"forbidden":[{"applicant":"b","mentor":"m"}]}""", "forbidden[0].applicant: unknown applicant id \"b\"")]
    [InlineData("reviewers assign", """{"applications":[{"id":"p1"}],"reviewers":[],"affinities":[]}""", "applications[0].reviews: missing")]
    [InlineData("reviewers assign", """{"applications":[{"id":"p1","reviews":1}],"reviewers":[{"id":"r1","max":-1}],"affinities":[]}""", "reviewers[0].max: must not be negative")]
    [InlineData("reviewers assign", """{"applications":[{"id":"p1","reviews":1}],"reviewers":[{"id":"r1","max":1}],"affinities":[{"application":"p1","reviewer":"r9","score":1}]}""", "affinities[0].reviewer: unknown reviewer id \"r9\"")]
    public void Invalid_input_exits_2_naming_the_field(string command, string instance, string message)
    {
        var run = Cohort.Run(instance, command.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void An_unknown_proposer_exits_2()
    {
        var run = Cohort.Run(Instances.TwoByTwo, "match", "stable", "--proposer", "both");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--proposer", run.Stderr);
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        var run = Cohort.RunRaw(["match", "stable", "/nonexistent/instance.json"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/instance.json", run.Stderr);
    }
}
