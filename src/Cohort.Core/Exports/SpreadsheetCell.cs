using System.Globalization;

namespace Cohort.Core.Exports;

/// <summary>
/// The one rule for a cell of a CSV file people open in a spreadsheet: every export and the score table write their
/// cells through it. Names, emails and answers are the applicants' own text, and a spreadsheet runs a cell that starts
/// with = + - @ (or a tab or carriage return, which some read past) as a formula, so such a cell gets a leading
/// apostrophe. A plain number (−0.5) stays a number.
/// </summary>
public static class SpreadsheetCell
{
    /// <summary>The cell as a spreadsheet will show it, never as a formula it would run.</summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;

    /// <summary>A UTC time as exports write it, to the second: 2026-03-01T09:30:00Z.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A typed export cell as CSV text: numbers in invariant culture, booleans as true/false, times in UTC to the
    /// second, dates as yyyy-MM-dd, null as an empty cell; then through <see cref="Neutralise"/>.
    /// </summary>
    public static string Write(object? cell) => Neutralise(cell switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime time => Time(time),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"An export cell is text, a number, a boolean, a time or a date, not {cell.GetType().Name}.", nameof(cell)),
    });
}
