using System.Globalization;
using System.Text;

namespace Cohort.Core.Calendar;

/// <summary>The parts of iCalendar (RFC 5545) that Cohort writes: UTC stamps, escaped text, CRLF lines folded at 75 octets.</summary>
public static class ICalendar
{
    /// <summary>Joins content lines into a calendar body, each folded and ended with CRLF.</summary>
    public static string Write(IEnumerable<string> lines) => string.Concat(lines.Select(Fold));

    public static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Text(string value) => new StringBuilder(value)
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n").ToString();

    // Folds by whole characters, so a UTF-8 sequence is never split across lines.
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
