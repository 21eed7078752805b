using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;

namespace Cohort.Core.Tests.Review;

/// <summary>The composite's maths, the score table's order and cutoff, and the export's neutralised cells, without a database.</summary>
public sealed class CompositeTests
{
    private static readonly CompositePart Taste = new(CompositePart.RoundKey(1), "Research taste", 0.5);
    private static readonly CompositePart Technical = new(CompositePart.AssessmentKey(2), "Technical", 0.35);
    private static readonly CompositePart Rest = new(CompositePart.RoundKey(3), "Rest", 0.15);

    [Fact]
    public void The_composite_is_the_weighted_mean_of_the_parts()
    {
        var values = new Dictionary<string, double?> { [Taste.Key] = 8, [Technical.Key] = 6, [Rest.Key] = 4 };

        var composite = Composite.Of([Taste, Technical, Rest], values);

        Assert.Equal((0.5 * 8 + 0.35 * 6 + 0.15 * 4) / (0.5 + 0.35 + 0.15), composite.Value!.Value, 10);
        Assert.False(composite.Incomplete);
    }

    [Fact]
    public void A_missing_part_renormalises_the_weights_over_the_parts_present_and_marks_the_row_incomplete()
    {
        var values = new Dictionary<string, double?> { [Taste.Key] = 8, [Technical.Key] = null, [Rest.Key] = 4 };

        var composite = Composite.Of([Taste, Technical, Rest], values);

        Assert.Equal((0.5 * 8 + 0.15 * 4) / (0.5 + 0.15), composite.Value!.Value, 10);
        Assert.True(composite.Incomplete);
    }

    [Fact]
    public void Without_any_part_there_is_no_composite()
    {
        var composite = Composite.Of([Taste], new Dictionary<string, double?>());

        Assert.Equal(new CompositeScore(null, true), composite);
        Assert.Equal(new CompositeScore(null, false), Composite.Of([], new Dictionary<string, double?>()));
    }

    [Fact]
    public void Assessment_points_are_put_on_ten_points()
    {
        Assert.Equal(7.5, Composite.OnTenPoints(15, 20));
        Assert.Null(Composite.OnTenPoints(3, 0));
    }

    private static ScoreTableRow Row(int id, string name, double? calibrated) =>
        new(new PipelineRow(id, id, name, $"{id}@example.net", ApplicationState.Submitted, null, [], "", null, ""),
            calibrated is { } c ? new SubjectScore(id, c, c, 0.5, 2, 0) : null, new Dictionary<string, double?>(), new CompositeScore(null, false));

    private static ScoreTable TableOf(params ScoreTableRow[] rows) =>
        new(new PipelineView(StageKind.General, "General", null, rows.Select(r => r.Row).ToList()), [], [], rows, CalibrationResult.Empty);

    [Fact]
    public void Rows_without_a_score_come_last_in_either_direction_and_the_cutoff_never_includes_them()
    {
        var table = TableOf(Row(1, "Ada", 6), Row(2, "Bea", null), Row(3, "Cy", 9), Row(4, "Di", 7));

        Assert.Equal([3, 4, 1, 2], ScoreOrder.Sort(table, ScoreSort.Score, descending: true).Select(r => r.Row.Id));
        Assert.Equal([1, 4, 3, 2], ScoreOrder.Sort(table, ScoreSort.Calibrated, descending: false).Select(r => r.Row.Id));
        Assert.Equal([3, 4], ScoreOrder.Above(table, new Cutoff(2, null)).Order());
        Assert.Equal([1, 3, 4], ScoreOrder.Above(table, new Cutoff(10, null)).Order());
        Assert.Equal([3, 4], ScoreOrder.Above(table, new Cutoff(null, 7)).Order());
        Assert.Empty(ScoreOrder.Above(table, new Cutoff(null, null)));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("", "")]
    public void Export_cells_that_a_spreadsheet_would_run_get_a_leading_quote(string cell, string written) =>
        Assert.Equal(written, Cohort.Core.Exports.SpreadsheetCell.Neutralise(cell));
}
