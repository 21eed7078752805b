using System.Globalization;

namespace Cohort.Core.Analytics.Charts;

/// <summary>How a chart's table writes a cell, on the page and in the CSV alike, so both hold the same numbers.</summary>
public static class ChartCell
{
    /// <summary>
    /// Whole numbers as they are; doubles to at most three decimals (a share in percent to one is the caller's
    /// rounding); dates as ISO 8601 to the minute; null as the empty string. Invariant culture throughout, so a
    /// spreadsheet reads the CSV the same on every machine.
    /// </summary>
    public static string Format(object? cell) => cell switch
    {
        null => "",
        string text => text,
        int or long => Convert.ToString(cell, CultureInfo.InvariantCulture)!,
        double number when double.IsNaN(number) || double.IsInfinity(number) => "",
        double number => Math.Round(number, 3).ToString("0.###", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A share as a percentage to one decimal, or null when there is nothing to divide by.</summary>
    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
