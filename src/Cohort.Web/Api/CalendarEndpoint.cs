using System.Text;
using Cohort.Core.Calendar;

namespace Cohort.Web.Api;

/// <summary>/dates.ics: the season's key dates as an iCalendar feed (RFC 5545) that calendar apps can subscribe to.</summary>
public static class CalendarEndpoint
{
    public static void MapCalendar(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/dates.ics", async (CohortDbContext db, PublicOrigin origin, CancellationToken cancellation) =>
        {
            var season = await db.Seasons.CurrentAsync(cancellation);
            if (season is null)
            {
                return Results.NotFound();
            }

            var dates = await db.KeyDates.Where(d => d.SeasonId == season.Id).OrderBy(d => d.At).ToListAsync(cancellation);
            var ics = Write(season, dates, origin.Host);
            return Results.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{season.Slug}-key-dates.ics");
        }).AllowAnonymous().CacheOutput(PublicPageCache.Policy).WithName("KeyDatesCalendar");

    public static string Write(Season season, IEnumerable<KeyDate> dates, string host)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cohort//Key dates//EN", "CALSCALE:GREGORIAN", $"X-WR-CALNAME:{ICalendar.Text(season.Name)} key dates" };
        foreach (var date in dates)
        {
            lines.Add("BEGIN:VEVENT");
            // A stable UID lets calendar apps update an event when a date moves instead of adding a second one.
            lines.Add($"UID:keydate-{date.Id}@{host}");
            lines.Add($"DTSTAMP:{ICalendar.Stamp(date.At)}");
            lines.Add($"DTSTART:{ICalendar.Stamp(date.At)}");
            lines.Add($"SUMMARY:{ICalendar.Text(date.Title)}");
            if (date.Description.Length > 0)
            {
                lines.Add($"DESCRIPTION:{ICalendar.Text(date.Description)}");
            }

            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        return ICalendar.Write(lines);
    }
}
