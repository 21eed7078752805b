using System.Text;
using Cohort.Cli.Matching;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Tests;

/// <summary>
/// The streaming readers read every valid instance, however it is spelled, and read it exactly as the
/// JsonDocument readers do; those run only to name what is wrong in an invalid one.
/// </summary>
public class FastReaderTests
{
    // Escaped ids (a unicode escape for a plain letter, an escaped quote, a non-ASCII id both raw and
    // escaped), whitespace everywhere, mentors before applicants, ranking before id, unknown fields.
    private const string StableSpelledOddly = """
        {
          "comment": { "nested": [1, 2, {"id": "not a person"}] },
          "mentors" : [
            { "ranking": [ "\u0061", ["b\"2", "Zo\u00eb"] ], "capacity": 2, "id": "X", "name": "Dr. \"X\"" },
            { "name": null, "id": "Y\u002F1", "capacity": 1e0, "ranking": [] }
          ],
          "applicants": [
            {"ranking":["X","Y/1"],"id":"a"} ,
            { "id": "b\"2", "ranking": [["Y\/1", "X"]], "extra": true },
            { "id": "Zoë", "ranking": [] }
          ]
        }
        """;

    [Fact]
    public void The_stable_reader_reads_escapes_whitespace_and_any_field_order_as_the_document_reader_does()
    {
        var fast = StableFastReader.TryRead(Encoding.UTF8.GetBytes(StableSpelledOddly.Replace("\"capacity\": 1e0", "\"capacity\": 1")));
        Assert.NotNull(fast);
        var thorough = ReadStableThoroughly(StableSpelledOddly.Replace("\"capacity\": 1e0", "\"capacity\": 1"));
        Assert.Equal(["a", "b\"2", "Zoë"], fast.ApplicantIds);
        Assert.Equal(["X", "Y/1"], fast.MentorIds);
        Assert.Equal(["Dr. \"X\"", "Y/1"], fast.MentorNames);
        Assert.Equal(thorough.ApplicantIds, fast.ApplicantIds);
        Assert.Equal(thorough.MentorIds, fast.MentorIds);
        Assert.Equal(thorough.MentorNames, fast.MentorNames);
        Assert.Equal(thorough.Instance.Capacities, fast.Instance.Capacities);
        AssertSame(thorough.Instance.CandidateRankings, fast.Instance.CandidateRankings);
        AssertSame(thorough.Instance.HostRankings, fast.Instance.HostRankings);
    }

    [Theory]
    [InlineData("\"capacity\": 1e0")] // not a whole number as the contract spells one
    [InlineData("\"capacity\": 1.0")]
    public void The_stable_reader_leaves_what_is_not_a_whole_capacity_to_the_document_reader(string capacity)
    {
        string instance = StableSpelledOddly.Replace("\"capacity\": 1e0", capacity);
        Assert.Null(StableFastReader.TryRead(Encoding.UTF8.GetBytes(instance)));
        var run = Cohort.Run(instance, "match", "stable");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mentors[1].capacity: must be a whole number", run.Stderr);
    }

    // Number formats the contract allows for scores (exponents, trailing zeros, negative zero),
    // affinities before the people, score first, escaped ids, null counts and a null conflict list.
    private const string ReviewersSpelledOddly = """
        {
          "affinities": [
            { "score": 1e2, "reviewer": "r\u0031", "application": "p1" },
            {"application":"p1","reviewer":"r\"2","score":1.50},
            { "reviewer": "r1", "application": "p\u00e92", "score": -0 },
            { "application": "p\u00e92", "reviewer": "r\"2", "score": 0.25E+1, "note": ["ignored"] }
          ],
          "conflicts": null,
          "reviewers": [ { "max": 2, "id": "r1", "min": null }, { "id": "r\"2", "max": 2, "min": 0 } ],
          "applications": [ { "reviews": 1, "id": "p1" }, { "id": "péé2", "reviews": 1 } ]
        }
        """;

    [Fact]
    public void The_assignment_reader_reads_number_formats_escapes_and_any_field_order_as_the_document_reader_does()
    {
        byte[] json = Encoding.UTF8.GetBytes(ReviewersSpelledOddly.Replace("péé2", "pé2"));
        var fast = AssignmentFastReader.TryRead(json, AssignmentFormat.Reviewers);
        Assert.NotNull(fast);
        var thorough = AssignmentInstanceReader.ReadThoroughly(json, AssignmentFormat.Reviewers);
        Assert.Equal(["p1", "pé2"], fast.LeftIds);
        Assert.Equal(["r1", "r\"2"], fast.RightIds);
        Assert.Equal([100m, 1.50m, 0m, 2.5m], fast.Problem.Pairs.Select(p => p.Score));
        Assert.Equal(thorough.LeftIds, fast.LeftIds);
        Assert.Equal(thorough.RightIds, fast.RightIds);
        Assert.Equal(thorough.Problem.Pairs, fast.Problem.Pairs);
        Assert.Equal(thorough.Problem.Left, fast.Problem.Left);
        Assert.Equal(thorough.Problem.Right, fast.Problem.Right);
        Assert.Equal(thorough.Problem.Candidates, fast.Problem.Candidates);
    }

    [Fact]
    public void Forbidden_pairs_given_before_the_people_are_read_by_the_fast_reader()
    {
        byte[] json = Encoding.UTF8.GetBytes("""
            {"forbidden":[{"mentor":"m\u0032","applicant":"a1"}],"scores":[{"applicant":"a1","mentor":"m1","score":3},{"applicant":"a1","mentor":"m2","score":9}],
             "applicants":[{"id":"a1"}],"mentors":[{"id":"m1","capacity":1},{"id":"m2","max":1}]}
            """);
        var fast = AssignmentFastReader.TryRead(json, AssignmentFormat.Optimal);
        Assert.NotNull(fast);
        Assert.Equal([0], fast.Problem.Candidates);
        Assert.Equal([new(0, 1), new(0, 1)], fast.Problem.Right);
    }

    [Fact]
    public void An_escaped_id_reaches_the_result_unescaped()
    {
        var run = Cohort.Run(ReviewersSpelledOddly.Replace("péé2", "pé2"), "reviewers", "assign");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(("pé2", "r\"2"), run.Pairs("assignments", "application", "reviewer"));
        Assert.Equal(102.5m, run.Json.GetProperty("objective").GetDecimal());
    }

    [Theory]
    [InlineData("match stable", """{"applicants":[],"mentors":[]} []""")]
    [InlineData("reviewers assign", """{"applications":[],"reviewers":[],"affinities":[]}x""")]
    public void Anything_after_the_object_is_broken_json(string command, string instance)
    {
        var run = Cohort.Run(instance, command.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken JSON", run.Stderr);
    }

    [Fact]
    public void An_unknown_escaped_id_is_named_unescaped()
    {
        var run = Cohort.Run(ReviewersSpelledOddly, "reviewers", "assign");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("affinities[2].application: unknown application id \"pé2\"", run.Stderr);
    }

    private static ContractStableInstance ReadStableThoroughly(string json)
    {
        using var document = JsonInput.Parse(Encoding.UTF8.GetBytes(json));
        return StableInstanceReader.Read(document.RootElement);
    }

    private static void AssertSame(Preferences expected, Preferences actual)
    {
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Levels, actual.Levels);
    }
}
