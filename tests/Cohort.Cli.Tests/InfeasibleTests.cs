namespace Cohort.Cli.Tests;

/// <summary>A valid instance without a feasible assignment exits 3 and says which constraints conflict.</summary>
public class InfeasibleTests
{
    [Fact]
    public void An_application_with_too_few_possible_reviewers_exits_3()
    {
        var run = Cohort.Run(new
        {
            applications = new object[] { new { id = "p1", reviews = 2 } },
            reviewers = new object[] { new { id = "r1", max = 5 } },
            affinities = new object[] { new { application = "p1", reviewer = "r1", score = 1 } },
        }, "reviewers", "assign");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("application p1 needs 2 reviews but only 1 reviewer can be paired with it", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Applications_every_reviewer_conflicts_with_are_named_by_their_ids_and_no_empty_list_of_reviewers_is_printed()
    {
        var run = Cohort.Run(new
        {
            applications = new object[] { new { id = "p1", reviews = 1 }, new { id = "p2", reviews = 1 } },
            reviewers = new object[] { new { id = "r1", max = 5 } },
            affinities = new object[] { new { application = "p1", reviewer = "r1", score = 1 }, new { application = "p2", reviewer = "r1", score = 1 } },
            conflicts = new object[] { new { application = "p1", reviewer = "r1" }, new { application = "p2", reviewer = "r1" } },
        }, "reviewers", "assign");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("applications p1 and p2 need 2 reviews but no reviewer can be paired with any of them", run.Stderr);
        Assert.DoesNotContain("(with", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Reviewer_minimum_loads_beyond_the_reviews_needed_exit_3()
    {
        var run = Cohort.Run(Instances.Reviewers(reviews: 1, reviewerMin: 2), "reviewers", "assign");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("reviewer minimum loads total 4 but only 2 reviews exist", run.Stderr);
    }

    [Fact]
    public void Mentor_minimums_no_applicant_can_fill_exit_3()
    {
        var run = Cohort.Run(new
        {
            applicants = new object[] { new { id = "a1" } },
            mentors = new object[] { new { id = "m1", min = 1, max = 2 }, new { id = "m2", min = 1, max = 1 } },
            scores = new object[] { new { applicant = "a1", mentor = "m1", score = 3 }, new { applicant = "a1", mentor = "m2", score = 3 } },
        }, "match", "optimal");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("mentor minimum loads total 2 but only 1 place exists", run.Stderr);
    }
}
