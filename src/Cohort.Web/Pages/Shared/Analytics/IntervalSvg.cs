using System.Xml.Linq;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// Estimates with their intervals, a row each (a forest plot), around a reference line; a flagged row (its interval
/// excludes the reference) is drawn in the flag colour and named so in its tooltip.
/// </summary>
internal static class IntervalSvg
{
    private const double Gutter = 210;
    private const double Right = 24;
    private const double Top = 8;
    private const double Row = 18;

    public static (XElement Body, double Height) Draw(IntervalFigure figure)
    {
        var bottom = Top + figure.Estimates.Count * Row;
        var low = figure.Estimates.Select(e => e.Low).Append(figure.Reference).Min();
        var high = figure.Estimates.Select(e => e.High).Append(figure.Reference).Max();
        var scale = new Scale(low, high, Gutter, ChartSvg.Width - Right);
        var body = Svg.Element("g", null);
        foreach (var tick in scale.Ticks())
        {
            body.Add(Svg.Line(scale.At(tick), Top, scale.At(tick), bottom, "grid"));
            body.Add(Svg.Text(scale.At(tick), bottom + 16, ChartCell.Format(tick), "tick", "middle"));
        }

        body.Add(Svg.Line(scale.At(figure.Reference), Top, scale.At(figure.Reference), bottom, "reference"));
        body.Add(Svg.Text((Gutter + ChartSvg.Width - Right) / 2, bottom + 36, figure.Axis, "axis-label", "middle"));
        for (var i = 0; i < figure.Estimates.Count; i++)
        {
            var estimate = figure.Estimates[i];
            var y = Top + i * Row + Row / 2;
            var cssClass = estimate.Flagged ? "estimate flagged" : "estimate";
            var tip = $"{estimate.Label}: {ChartCell.Format(estimate.Value)} ({ChartCell.Format(estimate.Low)} to {ChartCell.Format(estimate.High)}){(estimate.Flagged ? ", flagged" : "")}";
            body.Add(Svg.Text(Gutter - 8, y + 4, Svg.Clip(estimate.Label, 30), "category", "end"));
            body.Add(Svg.Element("g", new { @class = cssClass },
                Svg.Tip(tip),
                Svg.Line(scale.At(estimate.Low), y, scale.At(estimate.High), y, "whisker"),
                Svg.Element("circle", new { cx = scale.At(estimate.Value), cy = y, r = 4.0 })));
        }

        return (body, bottom + 44);
    }
}
