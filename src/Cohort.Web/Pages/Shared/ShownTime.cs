using System.Globalization;
using Cohort.Core.Accounts;

namespace Cohort.Web.Pages.Shared;

/// <summary>How much of a moment a page shows. Each is a .NET pattern that local-time.js also understands.</summary>
public enum TimeFormat
{
    /// <summary>14 January 2027, 15:30: the usual.</summary>
    Long,

    /// <summary>Thursday 14 January 2027, 15:30: appointments such as interviews.</summary>
    Weekday,

    /// <summary>14 Jan 2027, 15:30: table cells.</summary>
    Short,

    /// <summary>14 Jan 2027, 15:30:05: logs, where the order of close events matters.</summary>
    Seconds,

    /// <summary>15:30:05: "saved at" notes on a page that shows its date elsewhere.</summary>
    TimeOfDay,

    /// <summary>14 January 2027: a moment shown as its day, with the exact time on hover.</summary>
    Day,
}

/// <summary>A moment as a page shows it: its text in the reader's zone with the zone named, and its UTC form for the title.</summary>
public sealed record ShownTime(string Iso, string Text, string Utc, string Pattern)
{
    public static ShownTime Of(DateTime utc, TimeZoneInfo? zone, TimeFormat format)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var pattern = PatternOf(format);
        var local = zone is null ? utc : TimeZones.ToZone(utc, zone);
        var text = local.ToString(pattern, CultureInfo.InvariantCulture);
        // A day is a day: naming a zone beside "14 January 2027" would read as a time.
        if (format != TimeFormat.Day)
        {
            text += zone is null ? " UTC" : $" ({zone.Id})";
        }

        var title = utc.ToString(format == TimeFormat.TimeOfDay ? "d MMMM yyyy, HH:mm:ss" : format == TimeFormat.Day ? "d MMMM yyyy, HH:mm" : pattern, CultureInfo.InvariantCulture) + " UTC";
        // The round-trip form ("o"), as the pages wrote before this helper: tests and scripts find times by it.
        return new(utc.ToString("o", CultureInfo.InvariantCulture), text, title, pattern);
    }

    private static string PatternOf(TimeFormat format) => format switch
    {
        TimeFormat.Weekday => "dddd d MMMM yyyy, HH:mm",
        TimeFormat.Short => "d MMM yyyy, HH:mm",
        TimeFormat.Seconds => "d MMM yyyy, HH:mm:ss",
        TimeFormat.TimeOfDay => "HH:mm:ss",
        TimeFormat.Day => "d MMMM yyyy",
        _ => "d MMMM yyyy, HH:mm",
    };
}
