using System.Globalization;

namespace Cohort.Core.Imports;

/// <summary>How a file writes the day and month of a date with slashes: 12/6/2026 is 6 December month-first, 12 June day-first.</summary>
public enum DateOrder
{
    /// <summary>M/D/YYYY, as Google Forms in a US-English sheet and Airtable's default "Local" format write it.</summary>
    MonthFirst,

    /// <summary>D/M/YYYY (or D.M.YYYY), as sheets and Airtable's "European" format write it.</summary>
    DayFirst,
}

/// <summary>
/// Reads the dates that form tools write in their exports: ISO 8601 (Airtable's ISO format, Cohort's own), slashed
/// dates in the file's <see cref="DateOrder"/> with an optional 24- or 12-hour time (Google Forms' "Timestamp",
/// Airtable's "2:03pm"), dates with month names, and Excel serial numbers (a cell formatted as a number before the
/// sheet was saved as CSV). Times without a zone are taken as UTC.
/// </summary>
public static class ImportDates
{
    private static readonly string[] Times = ["", " H:mm", " H:mm:ss", " h:mm tt", " h:mmtt", " h:mm:ss tt", " h:mm:sstt"];

    private static readonly string[] Named = ["MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy"];

    // Excel counts days from 30 December 1899 (its 1900 leap-year bug makes that the zero for every date after
    // February 1900); 2958465 is 31 December 9999, the last day it knows.
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Utc);
    private const double ExcelLastDay = 2958465;

    public static string Describe(DateOrder order) => order == DateOrder.MonthFirst
        ? "YYYY-MM-DD, M/D/YYYY (month first) with an optional time, or an Excel date number"
        : "YYYY-MM-DD, D/M/YYYY (day first) with an optional time, or an Excel date number";

    /// <summary>A moment in UTC, or null when <paramref name="text"/> is no date this reader knows.</summary>
    public static DateTime? Moment(string text, DateOrder order)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (char.IsAsciiDigit(value[0]) && value.Length >= 10 && value[4] == '-'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            return iso.UtcDateTime;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial))
        {
            return serial is >= 1 and <= ExcelLastDay ? ExcelEpoch.AddDays(serial) : null;
        }

        var formats = Slashed(order).Concat(Named).SelectMany(date => Times.Select(time => date + time)).ToArray();
        return DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>A day, or null; a time after it is refused, since a date question asks for a day.</summary>
    public static DateOnly? Day(string text, DateOrder order) =>
        Moment(text, order) is { } moment && moment.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(moment) : null;

    /// <summary>Why <paramref name="text"/> was not read, and what to do: name the other order when it would have read it.</summary>
    public static string Explain(string text, DateOrder order)
    {
        var other = order == DateOrder.MonthFirst ? DateOrder.DayFirst : DateOrder.MonthFirst;
        return Moment(text, other) is not null
            ? $"\"{text}\" is not a date {Name(order)}; it reads {Name(other)}: choose the {Name(other)} date order for this file."
            : $"\"{text}\" is not a date Cohort reads: write {Describe(order)}.";
    }

    public static string Name(DateOrder order) => order == DateOrder.MonthFirst ? "month-first" : "day-first";

    private static string[] Slashed(DateOrder order) => order == DateOrder.MonthFirst
        ? ["M/d/yyyy", "M/d/yy"]
        : ["d/M/yyyy", "d/M/yy", "d.M.yyyy"];
}
