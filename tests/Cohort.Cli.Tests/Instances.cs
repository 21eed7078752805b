namespace Cohort.Cli.Tests;

/// <summary>The instances of the contract's public cases, and small variations of them.</summary>
public static class Instances
{
    public static object TwoByTwo => new
    {
        applicants = new object[] { new { id = "a", ranking = new[] { "X", "Y" } }, new { id = "b", ranking = new[] { "Y", "X" } } },
        mentors = new object[]
        {
            new { id = "X", capacity = 1, ranking = new[] { "b", "a" } },
            new { id = "Y", capacity = 1, ranking = new[] { "a", "b" } },
        },
    };

    public static object Crossing => new
    {
        applicants = new object[] { new { id = "a1" }, new { id = "a2" } },
        mentors = new object[] { new { id = "m1", max = 1 }, new { id = "m2", max = 1 } },
        scores = new object[]
        {
            new { applicant = "a1", mentor = "m1", score = 5 }, new { applicant = "a1", mentor = "m2", score = 4 },
            new { applicant = "a2", mentor = "m1", score = 4 }, new { applicant = "a2", mentor = "m2", score = 1 },
        },
    };

    public static object Reviewers(int reviews = 1, object[]? conflicts = null, int reviewerMin = 0) => new
    {
        applications = new object[] { new { id = "p1", reviews }, new { id = "p2", reviews } },
        reviewers = new object[] { new { id = "r1", min = reviewerMin, max = Math.Max(1, reviewerMin) }, new { id = "r2", min = reviewerMin, max = Math.Max(1, reviewerMin) } },
        affinities = new object[]
        {
            new { application = "p1", reviewer = "r1", score = 10 }, new { application = "p1", reviewer = "r2", score = 9 },
            new { application = "p2", reviewer = "r1", score = 9 }, new { application = "p2", reviewer = "r2", score = 1 },
        },
        conflicts = conflicts ?? [],
    };
}
