namespace Cohort.Cli.Tests.Review;

/// <summary>A spreadsheet `cohort calibrate` cannot read exits 2 with one line naming the line and column, and prints nothing on stdout.</summary>
public class CalibrateInvalidInputTests
{
    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\n\n", "the file is empty")]
    [InlineData("reviewer,item,grade\nr1,a,5\n", "line 1: the header lacks the \"score\" column")]
    [InlineData("paper,email,overall\n1,a@b.org,5\n", "line 1: the header lacks the \"reviewer\", \"item\" and \"score\" columns")]
    [InlineData("reviewer,item,score,Score\nr1,a,5,6\n", "line 1, column 4: a second \"score\" column (the first is column 3)")]
    [InlineData("reviewer,item,score\n", "no reviews: the file has a header (line 1) but no rows")]
    [InlineData("reviewer,item,score\nr1,a,abc\n", "line 2, column 3 (score): \"abc\" is not a number")]
    [InlineData("reviewer,item,score\nr1,a,\"6,5\"\n", "line 2, column 3 (score): \"6,5\" is not a number")]
    [InlineData("reviewer,item,score\nr1,a,5\nr2,a,NaN\n", "line 3, column 3 (score): \"NaN\" is not a finite number")]
    [InlineData("reviewer,item,score\nr1,a,1e999\n", "line 2, column 3 (score): \"1e999\" is not a finite number")]
    [InlineData("reviewer,item,score\nr1,a, \n", "line 2, column 3 (score): empty")]
    [InlineData("reviewer,item,score\nr1,a\n", "line 2, column 3: the row ends after 2 fields, but the header has 3")]
    [InlineData("reviewer,item,score\nr1,Smith, J.,5\n", "line 2, column 4: the row has 4 fields, but the header has 3")]
    [InlineData("reviewer,item,score\n ,a,5\n", "line 2, column 1 (reviewer): empty")]
    [InlineData("score,reviewer,item\n5,r1,\n", "line 2, column 3 (item): empty")]
    [InlineData("reviewer,item,score\nr1,a,5\nr2,a,6\nr1,a,7\n", "line 4: reviewer \"r1\" already scored item \"a\" on line 2")]
    [InlineData("reviewer,item,score\nr1,\"a\nb\",5\nr1,\"a\nb\",7\n", "line 4: reviewer \"r1\" already scored item \"a b\" on line 2")]
    [InlineData("reviewer,item,score,topic\nr1,a,5,ML\nr2,a,6,NLP\n", "line 3, column 4 (topic): item \"a\" has topic \"NLP\" here but \"ML\" on line 2")]
    [InlineData("reviewer,item,score\nr1,\"a,5\nr2,b,6\n", "line 2: a quoted field that is never closed")]
    [InlineData("reviewer,item,score\nr1,a\"b,5\n", "line 2: a quote inside an unquoted field")]
    [InlineData("reviewer,item,score\nr1,\"a\"b,5\n", "line 2: text after the closing quote of a field")]
    public void A_bad_spreadsheet_exits_2_naming_the_line_and_column(string csv, string message)
    {
        var run = Cohort.RunOn(System.Text.Encoding.UTF8.GetBytes(csv), ".csv", "calibrate");

        AssertRefused(run, message);
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        var run = Cohort.RunRaw(["calibrate", "/nonexistent/reviews.csv"]);

        AssertRefused(run, "cannot read /nonexistent/reviews.csv");
    }

    private static void AssertRefused(CohortRun run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("invalid input: ", run.Stderr);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", run.Stdout);
    }
}
