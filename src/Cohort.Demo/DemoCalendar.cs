using System.Globalization;
using System.Text.RegularExpressions;

namespace Cohort.Demo;

/// <summary>
/// The demo's dates, every one counted in days from the day it is seeded (<see cref="Day"/>, UTC), so the demo can be
/// walked whenever it is started: stage 1, the assessments and the stream applications are all open on that day, and
/// what the seeded applicants did happened in the days before it. docs/decisions/demo.md ("The demo season") has the table.
/// </summary>
/// <remarks>
/// The catalogue (demo-season.json) writes its dates as tokens that <see cref="Resolve"/> replaces:
/// <c>{{D+77}}</c> a date, <c>{{D-14 09:00}}</c> a UTC date and time, <c>{{D+77|d MMMM yyyy}}</c> a date for prose,
/// <c>{{year}}</c> the season's year (the year its programme starts) and <c>{{year-2}}</c> a year before it.
/// </remarks>
public sealed partial record DemoCalendar(DateOnly Day)
{
    /// <summary>Days from <see cref="Day"/> to the first day of the programme; the catalogue's <c>{{D+77}}</c>.</summary>
    public const int ProgrammeStartsAfterDays = 77;

    /// <summary>Applicants rank their streams until this many days after <see cref="Day"/>, at 23:59 (after stage 3 closes on D+28).</summary>
    public const int RankingsCloseAfterDays = 38;

    public static DemoCalendar Today(TimeProvider clock) => new(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The same calendar a year earlier: the previous season's.</summary>
    public DemoCalendar YearBefore => new(Day.AddYears(-1));

    /// <summary>The season's year: the year its programme starts.</summary>
    public int Year => Day.AddDays(ProgrammeStartsAfterDays).Year;

    public string SeasonSlug => Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The moment <paramref name="days"/> days from <see cref="Day"/> at <paramref name="hour"/>:<paramref name="minute"/> UTC.</summary>
    public DateTime At(int days, int hour = 0, int minute = 0) =>
        Day.AddDays(days).ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    public DateTime RankingDeadline => At(RankingsCloseAfterDays, 23, 59);

    /// <summary>The template with every date token replaced; an unknown token is a fault in the template, so it throws.</summary>
    public string Resolve(string template) => Token().Replace(template, token =>
    {
        if (token.Groups["year"].Success)
        {
            var back = token.Groups["back"].Success ? int.Parse(token.Groups["back"].Value, CultureInfo.InvariantCulture) : 0;
            return (Year - back).ToString(CultureInfo.InvariantCulture);
        }

        var day = Day.AddDays(int.Parse(token.Groups["days"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        if (token.Groups["format"].Success)
        {
            return day.ToString(token.Groups["format"].Value, CultureInfo.InvariantCulture);
        }

        return token.Groups["time"].Success
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + token.Groups["time"].Value + ":00Z"
            : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    });

    [GeneratedRegex(@"\{\{(?:(?<year>year)(?:-(?<back>\d+))?|D(?<days>[+-]\d+)(?: (?<time>\d\d:\d\d)|\|(?<format>[^}]+))?)\}\}")]
    private static partial Regex Token();
}
