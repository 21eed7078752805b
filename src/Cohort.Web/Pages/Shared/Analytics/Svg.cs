using System.Globalization;
using System.Xml.Linq;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// The SVG elements the charts are drawn with. Colours and fonts come from classes in site.css, never from style
/// attributes, so the charts need nothing the content security policy forbids; text goes through XElement, which
/// escapes it.
/// </summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>A number as an attribute value: invariant, two decimals at most.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public static XElement Element(string name, object? attributes = null, params object?[] content)
    {
        var element = new XElement(Ns + name, content);
        if (attributes is not null)
        {
            foreach (var property in attributes.GetType().GetProperties())
            {
                var value = property.GetValue(attributes);
                if (value is not null)
                {
                    element.SetAttributeValue(property.Name.Replace('_', '-'), value is double d ? N(d) : value);
                }
            }
        }

        return element;
    }

    public static XElement Text(double x, double y, string text, string? cssClass = null, string anchor = "start") =>
        Element("text", new { x, y, @class = cssClass, text_anchor = anchor }, text);

    public static XElement Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Element("line", new { x1, y1, x2, y2, @class = cssClass });

    /// <summary>A hover tooltip: an SVG title inside the shape it describes.</summary>
    public static XElement Tip(string text) => Element("title", null, text);

    /// <summary>A label cut to <paramref name="max"/> characters with an ellipsis; the tooltip and the table keep it whole.</summary>
    public static string Clip(string label, int max) => label.Length <= max ? label : label[..(max - 1)] + "…";

    /// <summary>The class of the <paramref name="index"/>th series: six colours, then round again.</summary>
    public static string Series(int index) => $"series-{index % 6}";

    /// <summary>The height a legend of <paramref name="names"/> takes in a chart <see cref="ChartSvg.Width"/> wide.</summary>
    public static double LegendHeight(IReadOnlyList<string> names) => LegendRows(names).Count() * LegendRow;

    /// <summary>
    /// A legend under the plot, from (0, <paramref name="top"/>): a swatch and a name per entry, wrapped onto as many
    /// rows as the chart's width needs (names are about 7 units a character at the chart's font size).
    /// </summary>
    public static XElement Legend(double top, IReadOnlyList<(string Name, string CssClass)> entries)
    {
        var legend = Element("g", new { @class = "legend" });
        var row = 0;
        foreach (var line in LegendRows(entries.Select(e => e.Name).ToList()))
        {
            var y = top + row++ * LegendRow + 14;
            foreach (var (index, x) in line)
            {
                legend.Add(Element("rect", new { x, y = y - 10, width = 12.0, height = 12.0, @class = entries[index].CssClass }));
                legend.Add(Text(x + 16, y, entries[index].Name));
            }
        }

        return legend;
    }

    private const double LegendRow = 20;

    private static IEnumerable<List<(int Index, double X)>> LegendRows(IReadOnlyList<string> names)
    {
        var line = new List<(int, double)>();
        var at = 8.0;
        for (var i = 0; i < names.Count; i++)
        {
            var width = 28 + names[i].Length * 7;
            if (line.Count > 0 && at + width > ChartSvg.Width)
            {
                yield return line;
                (line, at) = ([], 8.0);
            }

            line.Add((i, at));
            at += width;
        }

        if (line.Count > 0)
        {
            yield return line;
        }
    }
}
