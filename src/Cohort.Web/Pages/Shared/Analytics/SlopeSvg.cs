using System.Xml.Linq;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// A slope chart: the labels in their left order down the left column and in their right order down the right one,
/// each joined by a line, with its place written beside it. A line that climbs is drawn as a rise, one that falls as
/// a fall, so the eye finds who moved.
/// </summary>
internal static class SlopeSvg
{
    private const double Top = 30;
    private const double Row = 16;
    private const double LeftColumn = 250;
    private const double RightColumn = 470;

    public static (XElement Body, double Height) Draw(SlopeFigure figure)
    {
        var left = Places(figure.Slopes.Select(s => s.From).ToList());
        var right = Places(figure.Slopes.Select(s => s.To).ToList());
        var body = Svg.Element("g", null,
            Svg.Text(LeftColumn, Top - 12, figure.Left, "axis-label", "end"),
            Svg.Text(RightColumn, Top - 12, figure.Right, "axis-label"));
        for (var i = 0; i < figure.Slopes.Count; i++)
        {
            var slope = figure.Slopes[i];
            var (y1, y2) = (Top + left[i] * Row + Row / 2, Top + right[i] * Row + Row / 2);
            var direction = slope.To < slope.From ? "rise" : slope.To > slope.From ? "fall" : "level";
            body.Add(Svg.Element("g", new { @class = $"slope {direction}" },
                Svg.Tip($"{slope.Label}: {slope.From} → {slope.To}"),
                Svg.Text(LeftColumn - 6, y1 + 4, $"{Svg.Clip(slope.Label, 24)}  {slope.From}", "category", "end"),
                Svg.Line(LeftColumn, y1, RightColumn, y2, "slope-line"),
                Svg.Text(RightColumn + 6, y2 + 4, $"{slope.To}  {Svg.Clip(slope.Label, 24)}", "category")));
        }

        return (body, Top + figure.Slopes.Count * Row + 12);
    }

    /// <summary>Each slope's row in a column ordered by <paramref name="ranks"/> (ties keep the given order).</summary>
    private static int[] Places(IReadOnlyList<int> ranks)
    {
        var places = new int[ranks.Count];
        var order = Enumerable.Range(0, ranks.Count).OrderBy(i => ranks[i]).ToList();
        for (var row = 0; row < order.Count; row++)
        {
            places[order[row]] = row;
        }

        return places;
    }
}
