namespace Cohort.Core.Analytics.Arrivals;

public static class CumulativeArrivals
{
    /// <summary>
    /// How many of <paramref name="times"/> had arrived by the end of each day from <paramref name="first"/> to
    /// <paramref name="last"/>, one count a day. The times and the days are in the same zone (the reader's); a time
    /// before <paramref name="first"/> counts from the first day on, one after <paramref name="last"/> never.
    /// </summary>
    public static IReadOnlyList<int> ByDay(IEnumerable<DateTime> times, DateOnly first, DateOnly last)
    {
        var days = Math.Max(0, last.DayNumber - first.DayNumber + 1);
        var counts = new int[days];
        foreach (var time in times)
        {
            var day = Math.Max(0, DateOnly.FromDateTime(time).DayNumber - first.DayNumber);
            if (day < days)
            {
                counts[day]++;
            }
        }

        for (var i = 1; i < days; i++)
        {
            counts[i] += counts[i - 1];
        }

        return counts;
    }
}
