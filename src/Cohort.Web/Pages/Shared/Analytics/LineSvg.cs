using System.Globalization;
using System.Xml.Linq;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>Lines over a value or time axis, with the markers (deadlines) as labelled vertical lines.</summary>
internal static class LineSvg
{
    private const double Left = 64;
    private const double Right = 24;
    private const double Top = 28;
    private const double PlotHeight = 260;

    /// <summary>Time-axis steps to choose from, so ticks fall on whole hours or days.</summary>
    private static readonly TimeSpan[] TimeSteps =
        [.. new[] { 1, 3, 6, 12 }.Select(h => TimeSpan.FromHours(h)), .. new[] { 1, 2, 7, 14, 30, 61, 91 }.Select(d => TimeSpan.FromDays(d))];

    public static (XElement Body, double Height) Draw(LineFigure figure)
    {
        var xs = figure.Lines.SelectMany(l => l.Points).Select(p => p.X).Concat(figure.Markers.Select(m => m.X)).DefaultIfEmpty(0).ToList();
        var ys = figure.Lines.SelectMany(l => l.Points).Select(p => p.Y).DefaultIfEmpty(0).ToList();
        var (minX, maxX) = (xs.Min(), xs.Max());
        if (maxX <= minX)
        {
            maxX = minX + (figure.XIsTime ? TimeSpan.TicksPerHour : 1);
        }

        var bottom = Top + PlotHeight;
        var y = new Scale(Math.Min(0, ys.Min()), Math.Max(ys.Max(), 1), bottom, Top);
        var body = Svg.Element("g", null);
        foreach (var tick in y.Ticks())
        {
            body.Add(Svg.Line(Left, y.At(tick), ChartSvg.Width - Right, y.At(tick), "grid"));
            body.Add(Svg.Text(Left - 6, y.At(tick) + 4, ChartCell.Format(tick), "tick", "end"));
        }

        Func<double, double> at;
        if (figure.XIsTime)
        {
            at = x => Left + (x - minX) / (maxX - minX) * (ChartSvg.Width - Left - Right);
            foreach (var (tick, label) in TimeTicks(minX, maxX))
            {
                body.Add(Svg.Line(at(tick), bottom, at(tick), bottom + 4, "axis"));
                body.Add(Svg.Text(at(tick), bottom + 18, label, "tick", "middle"));
            }
        }
        else
        {
            var x = new Scale(minX, maxX, Left, ChartSvg.Width - Right);
            at = x.At;
            foreach (var tick in x.Ticks())
            {
                body.Add(Svg.Line(x.At(tick), bottom, x.At(tick), bottom + 4, "axis"));
                body.Add(Svg.Text(x.At(tick), bottom + 18, ChartCell.Format(tick), "tick", "middle"));
            }
        }

        body.Add(Svg.Line(Left, bottom, ChartSvg.Width - Right, bottom, "axis"));
        body.Add(Svg.Text((Left + ChartSvg.Width - Right) / 2, bottom + 38, figure.XAxis, "axis-label", "middle"));
        body.Add(Svg.Element("text", new { x = 14.0, y = Top + PlotHeight / 2, @class = "axis-label", text_anchor = "middle", transform = $"rotate(-90 14 {Svg.N(Top + PlotHeight / 2)})" }, figure.YAxis));

        for (var m = 0; m < figure.Markers.Count; m++)
        {
            var marker = figure.Markers[m];
            var x = at(marker.X);
            body.Add(Svg.Element("line", new { x1 = x, y1 = Top - 4, x2 = x, y2 = bottom, @class = "marker" }, Svg.Tip(marker.Label)));
            // Alternate the labels' heights, so two deadlines close together stay readable.
            body.Add(Svg.Text(x, Top - 8 - (m % 2) * 12, Svg.Clip(marker.Label, 28), "marker-label", x > ChartSvg.Width / 2 ? "end" : "start"));
        }

        for (var l = 0; l < figure.Lines.Count; l++)
        {
            var line = figure.Lines[l];
            if (line.Points.Count == 0)
            {
                continue;
            }

            var path = string.Join(" ", line.Points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{Svg.N(at(p.X))} {Svg.N(y.At(p.Y))}"));
            body.Add(Svg.Element("path", new { d = path, @class = $"line {Svg.Series(l)}{(line.Dashed ? " dashed" : "")}" }, Svg.Tip(line.Name)));
        }

        var legendTop = bottom + 48;
        var names = figure.Lines.Select(l => l.Name).ToList();
        body.Add(Svg.Legend(legendTop, figure.Lines.Select((l, i) => (l.Name, Svg.Series(i) + (l.Dashed ? " dashed" : ""))).ToList()));
        return (body, legendTop + Svg.LegendHeight(names) + 4);
    }

    /// <summary>Ticks on whole hours or days: the smallest step that gives at most seven, labelled to the hour when the span is short.</summary>
    private static IEnumerable<(double Tick, string Label)> TimeTicks(double minX, double maxX)
    {
        var span = TimeSpan.FromTicks((long)(maxX - minX));
        var step = TimeSteps.FirstOrDefault(s => span / s <= 7, TimeSteps[^1]);
        var first = new DateTime((long)minX);
        // The first whole step after midnight at or after the axis's start: 00:00, 06:00, 12:00… or the next midnight.
        var sinceMidnight = first - first.Date;
        var start = first.Date + (step < TimeSpan.FromDays(1) ? step * Math.Ceiling(sinceMidnight / step) : TimeSpan.FromDays(Math.Ceiling(sinceMidnight.TotalDays)));
        var format = step < TimeSpan.FromDays(1) ? "d MMM HH:mm" : "d MMM";
        for (var tick = start; tick.Ticks <= maxX; tick += step)
        {
            yield return (tick.Ticks, tick.ToString(format, CultureInfo.InvariantCulture));
        }
    }
}
