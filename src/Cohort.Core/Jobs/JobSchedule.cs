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
}
