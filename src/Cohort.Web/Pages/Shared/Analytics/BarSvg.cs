using System.Xml.Linq;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>Horizontal bars: a row per category with its label on the left, the value axis along the bottom.</summary>
internal static class BarSvg
{
    private const double Gutter = 210;
    private const double Top = 8;
    private const double Right = 56;

    public static (XElement Body, double Height) Draw(BarFigure figure)
    {
        var series = figure.Series;
        var perRow = figure.Stacked ? 1 : Math.Max(1, series.Count);
        var barHeight = perRow == 1 ? 16.0 : Math.Max(6, 26.0 / perRow);
        var rowHeight = perRow * barHeight + 8;
        var plotBottom = Top + figure.Categories.Count * rowHeight;

        var values = figure.Categories.Select((_, i) => figure.Stacked ? series.Sum(s => Math.Max(0, s.Values[i])) : series.Select(s => s.Values[i]).DefaultIfEmpty(0).Max());
        var max = values.Concat(figure.Marks?.Values ?? []).DefaultIfEmpty(0).Max();
        var min = Math.Min(0, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Min());
        var scale = new Scale(min, Math.Max(max, min + 1), Gutter, ChartSvg.Width - Right);

        var body = Svg.Element("g", null);
        foreach (var tick in scale.Ticks())
        {
            body.Add(Svg.Line(scale.At(tick), Top, scale.At(tick), plotBottom, "grid"));
            body.Add(Svg.Text(scale.At(tick), plotBottom + 16, ChartCell.Format(tick), "tick", "middle"));
        }

        body.Add(Svg.Text((Gutter + ChartSvg.Width - Right) / 2, plotBottom + 36, figure.Axis, "axis-label", "middle"));
        for (var row = 0; row < figure.Categories.Count; row++)
        {
            var category = figure.Categories[row];
            var y = Top + row * rowHeight + 4;
            body.Add(Svg.Text(Gutter - 8, y + (rowHeight - 8) / 2 + 4, Svg.Clip(category, 30), "category", "end"));
            var start = 0.0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[row];
                var (from, to) = figure.Stacked ? (start, start + Math.Max(0, value)) : (Math.Min(0, value), Math.Max(0, value));
                var barY = figure.Stacked ? y : y + s * barHeight;
                body.Add(Svg.Element("rect", new { x = scale.At(from), y = barY, width = Math.Max(0, scale.At(to) - scale.At(from)), height = barHeight - 1, @class = Svg.Series(s) },
                    Svg.Tip($"{category}, {series[s].Name}: {ChartCell.Format(value)}")));
                if (!figure.Stacked && series.Count == 1)
                {
                    body.Add(Svg.Text(scale.At(to) + 4, barY + barHeight - 4, ChartCell.Format(value), "value"));
                }

                start = to;
            }

            if (figure.Marks is { } marks)
            {
                var x = scale.At(marks.Values[row]);
                body.Add(Svg.Element("line", new { x1 = x, y1 = y - 2, x2 = x, y2 = y + rowHeight - 6, @class = "mark" },
                    Svg.Tip($"{category}, {marks.Name}: {ChartCell.Format(marks.Values[row])}")));
            }
        }

        var legend = series.Select((s, i) => (s.Name, Svg.Series(i))).ToList();
        if (figure.Marks is { } mark)
        {
            legend.Add((mark.Name, "mark-swatch"));
        }

        var legendTop = plotBottom + 44;
        if (legend.Count > 1)
        {
            body.Add(Svg.Legend(legendTop, legend));
            return (body, legendTop + Svg.LegendHeight(legend.Select(l => l.Name).ToList()) + 4);
        }

        return (body, legendTop);
    }
}
