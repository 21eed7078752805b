using System.Xml.Linq;
using Cohort.Core.Analytics.Charts;
using Microsoft.AspNetCore.Html;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// A chart as inline SVG, drawn on the server: no chart script, nothing the content security policy has to allow.
/// The SVG is an image to assistive technology (role="img") named by its title and described by its description;
/// the numbers themselves are in the table under it.
/// </summary>
public static class ChartSvg
{
    /// <summary>The drawing's width in SVG units; the page scales it to the column (and to a phone's screen).</summary>
    public const double Width = 720;

    public static IHtmlContent Render(Chart chart, string id)
    {
        var (body, height) = chart.Figure switch
        {
            BarFigure bars => BarSvg.Draw(bars),
            LineFigure lines => LineSvg.Draw(lines),
            IntervalFigure intervals => IntervalSvg.Draw(intervals),
            SlopeFigure slopes => SlopeSvg.Draw(slopes),
            _ => throw new ArgumentException($"No drawing for {chart.Figure.GetType().Name}.", nameof(chart)),
        };
        var svg = Svg.Element("svg", new { viewBox = $"0 0 {Svg.N(Width)} {Svg.N(height)}", role = "img", aria_labelledby = $"{id}-title {id}-desc", @class = "chart" },
            Svg.Element("title", new { id = $"{id}-title" }, chart.Title),
            Svg.Element("desc", new { id = $"{id}-desc" }, chart.Description),
            body);
        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }
}
