namespace Cohort.Core.Jobs;

/// <summary>
/// Periods are aligned to UTC (a daily job's period starts at midnight UTC, a 15-minute job's at :00, :15, ...), so
/// every instance computes the same period for the same moment without agreeing on anything but the clock.
/// </summary>
public static class JobSchedule
{
    public static DateTime PeriodStart(DateTime utc, TimeSpan period) =>
        new(utc.Ticks - (utc.Ticks % period.Ticks), DateTimeKind.Utc);

    public static DateTime NextPeriodStart(DateTime utc, TimeSpan period) => PeriodStart(utc, period) + period;

    /// <summary>A period in words: "every 5 seconds", "every 15 minutes", "every day".</summary>
    public static string Say(TimeSpan period)
    {
        var (count, unit) = period switch
        {
            _ when period.Ticks % TimeSpan.TicksPerDay == 0 => ((long)period.TotalDays, "day"),
            _ when period.Ticks % TimeSpan.TicksPerHour == 0 => ((long)period.TotalHours, "hour"),
            _ when period.Ticks % TimeSpan.TicksPerMinute == 0 => ((long)period.TotalMinutes, "minute"),
            _ when period.Ticks % TimeSpan.TicksPerSecond == 0 => ((long)period.TotalSeconds, "second"),
            _ => ((long)period.TotalMilliseconds, "millisecond"),
        };
        return count == 1 ? $"every {unit}" : $"every {count} {unit}s";
    }
}
