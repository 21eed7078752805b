using Cohort.Core.Calendar;
using static Cohort.Core.Calendar.ICalendar;

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
        return ICalendar.Write(lines);
    }
}
