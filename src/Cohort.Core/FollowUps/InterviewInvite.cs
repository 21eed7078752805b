using System.Globalization;
using System.Text;

namespace Cohort.Core.FollowUps;

/// <summary>An interview as an iCalendar (RFC 5545) invite: CRLF line ends, folded at 75 octets, a UID stable per slot.</summary>
public static class InterviewInvite
{
    public static string Write(InterviewSlot slot, string streamName, string host)
    {
        var lines = new[]
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cohort//Interview//EN", "METHOD:PUBLISH", "BEGIN:VEVENT",
            // Stable per slot, so downloading the invite again after a change updates the event instead of adding one.
            $"UID:interview-slot-{slot.Id}@{host}",
            $"DTSTAMP:{Stamp(slot.BookedAt ?? slot.StartsAt)}",
            $"DTSTART:{Stamp(slot.StartsAt)}",
            $"DTEND:{Stamp(slot.EndsAt)}",
            $"SUMMARY:{Text($"Interview: {streamName}")}",
            $"LOCATION:{Text(slot.Location)}",
            "END:VEVENT", "END:VCALENDAR",
        };
        return string.Concat(lines.Select(Fold));
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) => new StringBuilder(value)
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n").ToString();

    private static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > 75)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        return folded.Append("\r\n").ToString();
    }
}
