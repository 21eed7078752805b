using System.Xml.Linq;
using Cohort.Core.Analytics.Charts;
using Cohort.Web.Pages.Shared.Analytics;

namespace Cohort.Web.Tests.Analytics;

/// <summary>
/// The SVG drawing of each figure kind, read back as XML: named and described for screen readers, one shape per
/// number, every number in a shape's tooltip, and nothing a content security policy would block (no style attribute,
/// no script).
/// </summary>
public class ChartSvgTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static Chart ChartOf(Figure figure) => new("test", "A <test> chart", "What it shows & why.", figure, new ChartTable(["a"], []));

    private static XElement Draw(Figure figure)
    {
        var html = ChartSvg.Render(ChartOf(figure), "c1");
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }

    private static void AssertAccessible(XElement svg)
    {
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c1-title c1-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("A <test> chart", svg.Element(Ns + "title")!.Value);
        Assert.Equal("What it shows & why.", svg.Element(Ns + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null || e.Name.LocalName == "script");
    }

    [Fact]
    public void Bars_draw_a_rectangle_per_value_with_the_value_in_its_tooltip_and_a_mark_per_category()
    {
        var figure = new BarFigure(["Control", "Evaluations"], [new("Applications", [120, 45]), new("Offers", [6, 3])], "people", Marks: new("Seats", [8, 4]));

        var svg = Draw(figure);

        AssertAccessible(svg);
        var bars = svg.Descendants(Ns + "rect").Where(r => r.Element(Ns + "title") is not null).ToList();
        Assert.Equal(4, bars.Count);
        Assert.Contains(bars, b => b.Element(Ns + "title")!.Value == "Evaluations, Offers: 3");
        var control = bars.Single(b => b.Element(Ns + "title")!.Value == "Control, Applications: 120");
        var evaluations = bars.Single(b => b.Element(Ns + "title")!.Value == "Evaluations, Applications: 45");
        Assert.True((double)control.Attribute("width")! > (double)evaluations.Attribute("width")!);
        Assert.Equal(2, svg.Descendants(Ns + "line").Count(l => (string?)l.Attribute("class") == "mark"));
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "Seats");
    }

    [Fact]
    public void Stacked_bars_lay_each_series_after_the_last()
    {
        var svg = Draw(new BarFigure(["Stage 1"], [new("Advanced", [30]), new("Rejected", [70])], "applications", Stacked: true));

        var bars = svg.Descendants(Ns + "rect").Where(r => r.Element(Ns + "title") is not null).ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal((double)bars[0].Attribute("x")! + (double)bars[0].Attribute("width")!, (double)bars[1].Attribute("x")!, 1);
        Assert.True((double)bars[1].Attribute("width")! > 2 * (double)bars[0].Attribute("width")!);
    }

    [Fact]
    public void Lines_draw_a_path_each_with_dashed_comparisons_and_the_deadlines_as_labelled_markers()
    {
        var start = new DateTime(2027, 1, 10, 0, 0, 0).Ticks;
        var day = TimeSpan.TicksPerDay;
        var figure = new LineFigure(
            [new("This season", [new(start, 0), new(start + day, 40), new(start + 2 * day, 100)]), new("Last season", [new(start, 0), new(start + 2 * day, 80)], Dashed: true)],
            "time", "submitted", XIsTime: true, [new("Stage 1 deadline", start + 2 * day)]);

        var svg = Draw(figure);

        AssertAccessible(svg);
        var paths = svg.Descendants(Ns + "path").ToList();
        Assert.Equal(2, paths.Count);
        Assert.Equal(3, ((string)paths[0].Attribute("d")!).Split('L').Length);
        Assert.Contains("dashed", (string)paths[1].Attribute("class")!, StringComparison.Ordinal);
        Assert.Single(svg.Descendants(Ns + "line"), l => (string?)l.Attribute("class") == "marker");
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "Stage 1 deadline");
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "11 Jan 00:00");
    }

    [Fact]
    public void Intervals_draw_a_whisker_and_a_point_per_estimate_and_mark_the_flagged_ones()
    {
        var figure = new IntervalFigure([new("Reviewer A", 0.8, 0.2, 1.4, Flagged: true), new("Reviewer B", -0.1, -0.9, 0.7)], "leniency (points)", 0);

        var svg = Draw(figure);

        AssertAccessible(svg);
        var estimates = svg.Descendants(Ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("estimate", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, estimates.Count);
        Assert.Equal("estimate flagged", (string?)estimates[0].Attribute("class"));
        Assert.Equal("Reviewer A: 0.8 (0.2 to 1.4), flagged", estimates[0].Element(Ns + "title")!.Value);
        Assert.Single(svg.Descendants(Ns + "line"), l => (string?)l.Attribute("class") == "reference");
    }

    [Fact]
    public void Slopes_join_each_label_from_its_left_place_to_its_right_place()
    {
        var figure = new SlopeFigure("raw mean", "calibrated", [new("Applicant 7", 1, 2), new("Applicant 3", 5, 1), new("Applicant 9", 2, 3)]);

        var svg = Draw(figure);

        AssertAccessible(svg);
        var slopes = svg.Descendants(Ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("slope", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["slope fall", "slope rise", "slope fall"], slopes.Select(s => (string)s.Attribute("class")!));
        var riser = slopes[1].Element(Ns + "line")!;
        Assert.True((double)riser.Attribute("y2")! < (double)riser.Attribute("y1")!, "Applicant 3 climbs from the bottom row to the top one");
    }
}
