using System.Globalization;
using System.Text;

namespace Cohort.Web.Catalogue;

/// <summary>/dates.ics: the season's key dates as an iCalendar feed (RFC 5545) that calendar apps can subscribe to.</summary>
public static class CalendarEndpoint
{
    public static void MapCalendar(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/dates.ics", async (CohortDbContext db, HttpRequest request, CancellationToken cancellation) =>
        {
            var season = await db.Seasons.CurrentAsync(cancellation);
            if (season is null)
            {
                return Results.NotFound();
            }

            var dates = await db.KeyDates.Where(d => d.SeasonId == season.Id).OrderBy(d => d.At).ToListAsync(cancellation);
            var ics = Write(season, dates, request.Host.Host);
            return Results.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{season.Slug}-key-dates.ics");
        }).AllowAnonymous().WithName("KeyDatesCalendar");

    public static string Write(Season season, IEnumerable<KeyDate> dates, string host)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Cohort//Key dates//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, $"X-WR-CALNAME:{Escape(season.Name)} key dates");
        foreach (var date in dates)
        {
            Line(ics, "BEGIN:VEVENT");
            // A stable UID lets calendar apps update an event when a date moves instead of adding a second one.
            Line(ics, $"UID:keydate-{date.Id}@{host}");
            Line(ics, $"DTSTAMP:{Stamp(date.At)}");
            Line(ics, $"DTSTART:{Stamp(date.At)}");
            Line(ics, $"SUMMARY:{Escape(date.Title)}");
            if (date.Description.Length > 0)
            {
                Line(ics, $"DESCRIPTION:{Escape(date.Description)}");
            }

            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    // RFC 5545 lines end in CRLF and fold at 75 octets with a leading space on the continuation.
    private static void Line(StringBuilder ics, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var start = 0;
        while (bytes.Length - start > 75)
        {
            var end = start + (start == 0 ? 75 : 74);
            while ((bytes[end] & 0xC0) == 0x80)
            {
                end--; // never split a UTF-8 sequence
            }

            ics.Append(start == 0 ? "" : " ").Append(Encoding.UTF8.GetString(bytes, start, end - start)).Append("\r\n");
            start = end;
        }

        ics.Append(start == 0 ? "" : " ").Append(Encoding.UTF8.GetString(bytes, start, bytes.Length - start)).Append("\r\n");
    }
}
