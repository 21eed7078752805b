using System.Globalization;
using Cohort.Core.Accounts;

namespace Cohort.Core.Mail;

/// <summary>
/// A moment as mail says it: in UTC, which every reader can place, followed by the recipient's own clock when their
/// account records a zone, e.g. "15 January 2027 at 15:30 UTC (21:00 in Asia/Kolkata)". When the recipient's day
/// differs from UTC's, their part names the day too, so a deadline is never off by one day.
/// </summary>
public static class MailTime
{
    /// <param name="zoneId">The recipient's <see cref="CohortUser.TimeZoneId"/>; null or unknown gives UTC alone.</param>
    /// <param name="weekday">Name the day of the week too, as an appointment does.</param>
    public static string Say(DateTime utc, string? zoneId, bool weekday = false)
    {
        var day = weekday ? "dddd d MMMM" : "d MMMM";
        var text = utc.ToString($"{day} yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + " UTC";
        if (TimeZones.Find(zoneId) is not { } zone || TimeZones.IsUtc(zone))
        {
            return text;
        }

        var local = TimeZones.ToZone(utc, zone);
        var there = local.ToString(local.Date == utc.Date ? "HH:mm" : $"{day} 'at' HH:mm", CultureInfo.InvariantCulture);
        return $"{text} ({there} in {zone.Id})";
    }
}
