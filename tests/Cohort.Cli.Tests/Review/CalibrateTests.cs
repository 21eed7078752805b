using System.Text;
using System.Text.Json;

namespace Cohort.Cli.Tests.Review;

/// <summary>`cohort calibrate INPUT.csv` on valid spreadsheets: the JSON of docs/calibration.md.</summary>
public class CalibrateTests
{
    private static CohortRun Calibrate(string csv) => Cohort.RunOn(Encoding.UTF8.GetBytes(csv), ".csv", "calibrate");

    [Fact]
    public void A_planted_lenient_reviewer_gets_the_largest_positive_leniency_and_every_item_and_reviewer_is_listed()
    {
        var run = Calibrate(ReviewSheets.Panel());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var items = run.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, ReviewSheets.Items).Select(i => $"paper-{i}").Order(), items.Select(i => i.GetProperty("id").GetString()).Order());
        Assert.All(items, item =>
        {
            Assert.True(item.GetProperty("se").GetDouble() > 0);
            Assert.InRange(item.GetProperty("raw").GetDouble(), -5, 15);
            Assert.Equal(3, item.GetProperty("reviews").GetInt32());
            Assert.InRange(item.GetProperty("spread").GetDouble(), 0, 10);
        });
        var calibrated = items.Select(i => i.GetProperty("calibrated").GetDouble()).ToList();
        Assert.Equal(calibrated.OrderDescending(), calibrated);

        var reviewers = run.Json.GetProperty("reviewers").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("leniency").GetDouble());
        Assert.Equal(ReviewSheets.Reviewers.Order(), reviewers.Keys.Order());
        Assert.InRange(reviewers[ReviewSheets.Lenient], 1.2, 3);
        Assert.Equal(ReviewSheets.Lenient, reviewers.MaxBy(r => r.Value).Key);

        var variances = run.Json.GetProperty("variances");
        Assert.True(variances.GetProperty("applicant").GetDouble() > variances.GetProperty("residual").GetDouble());
        Assert.True(variances.GetProperty("reviewer").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, variances.GetProperty("topic").ValueKind);

        var diagnostics = run.Json.GetProperty("diagnostics");
        var component = Assert.Single(diagnostics.GetProperty("components").EnumerateArray());
        Assert.Equal((ReviewSheets.Items, 8, 3 * ReviewSheets.Items),
            (component.GetProperty("items").GetInt32(), component.GetProperty("reviewers").GetInt32(), component.GetProperty("reviews").GetInt32()));
        Assert.Equal(JsonValueKind.Null, diagnostics.GetProperty("bridgingShare").ValueKind);
        Assert.Empty(diagnostics.GetProperty("topics").EnumerateArray());
        Assert.Empty(diagnostics.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Scores_on_another_scale_are_calibrated_on_that_scale()
    {
        var tenths = Calibrate(ReviewSheets.Panel()).Json;
        var hundredths = Calibrate(ReviewSheets.Panel(scale: 10)).Json;

        double Leniency(JsonElement json) => json.GetProperty("reviewers").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == ReviewSheets.Lenient).GetProperty("leniency").GetDouble();
        Assert.Equal(10 * Leniency(tenths), Leniency(hundredths), 0.05);
        Assert.Equal(
            tenths.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()),
            hundredths.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void A_topic_column_gives_each_topic_its_effect_and_the_share_of_reviews_that_bridge_topics()
    {
        var run = Calibrate(ReviewSheets.Panel(withTopics: true));

        Assert.Equal(0, run.ExitCode);
        var diagnostics = run.Json.GetProperty("diagnostics");
        Assert.InRange(diagnostics.GetProperty("bridgingShare").GetDouble(), 0.2, 0.8);
        var topics = diagnostics.GetProperty("topics").EnumerateArray().ToDictionary(t => t.GetProperty("topic").GetString()!);
        Assert.Equal(["systems", "theory"], topics.Keys.Order());
        foreach (var topic in topics.Values)
        {
            Assert.Equal(0, topic.GetProperty("component").GetInt32());
            Assert.Equal(ReviewSheets.Items / 2, topic.GetProperty("items").GetInt32());
            Assert.Equal(3 * ReviewSheets.Items / 2, topic.GetProperty("reviews").GetInt32());
            Assert.InRange(topic.GetProperty("rawMean").GetDouble(), 3, 9);
            Assert.InRange(topic.GetProperty("se").GetDouble(), 0.01, 1);
        }

        // Each topic's effect is its difference from the average of the two.
        Assert.Equal(0, topics["systems"].GetProperty("effect").GetDouble() + topics["theory"].GetProperty("effect").GetDouble(), 0.001);
        Assert.Equal(JsonValueKind.Number, run.Json.GetProperty("variances").GetProperty("topic").ValueKind);
    }

    [Fact]
    public void Topics_that_share_no_reviewer_are_warned_about_and_get_no_effect()
    {
        var run = Calibrate("""
            reviewer,item,score,topic
            ana,p1,6,theory
            ana,p2,4,theory
            ben,p1,7,theory
            ben,p2,5,theory
            cy,p3,8,systems
            cy,p4,6,systems
            dee,p3,7,systems
            dee,p4,5,systems
            """);

        Assert.Equal(0, run.ExitCode);
        var diagnostics = run.Json.GetProperty("diagnostics");
        Assert.Equal(2, diagnostics.GetProperty("components").GetArrayLength());
        Assert.All(diagnostics.GetProperty("topics").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("effect").ValueKind));
        Assert.Contains(diagnostics.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("share no reviewer"));
    }

    [Fact]
    public void Quoted_fields_a_byte_order_mark_CRLF_and_any_column_order_are_read_as_RFC_4180_says()
    {
        string csv = "Comment, SCORE ,Item,Reviewer,Round\r\n" +
            "\"Great, really\",7,\"Smith, J.\",Jürgen,1\r\n" +
            "\"He said \"\"no\"\"\r\nthen left\",5,\"Smith, J.\",bob,1\r\n" +
            "x,6,\"say \"\"hi\"\"\",Jürgen,1\r\n" +
            "y,4,\"say \"\"hi\"\"\", bob ,1\r\n";
        var run = Cohort.RunOn([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], ".csv", "calibrate");

        Assert.Equal(0, run.ExitCode);
        var items = run.Json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(["Smith, J.", "say \"hi\""], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, items["Smith, J."].GetProperty("raw").GetDouble());
        Assert.Equal(5, items["say \"hi\""].GetProperty("raw").GetDouble());
        Assert.All(items.Values, i => Assert.Equal(2, i.GetProperty("reviews").GetInt32()));
        Assert.Equal(["Jürgen", "bob"], run.Json.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void A_dash_reads_the_reviews_from_standard_input()
    {
        var run = Cohort.RunRaw(["calibrate", "-"], standardInput: ReviewSheets.Panel());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ReviewSheets.Items, run.Json.GetProperty("items").GetArrayLength());
    }
}
