using System.Globalization;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Core.Analytics.Arrivals;

/// <summary>
/// A stage's cumulative submissions, day by day in the reader's zone, against its deadline; last season's curve is
/// moved by the difference between the two deadlines, so both deadlines fall on the same day and the curves compare
/// how far ahead of the deadline people submitted.
/// </summary>
internal static class ArrivalsChart
{
    public static Chart Of(string key, string title, string what, AnalyticsScope scope, DateTime now, ArrivalsCurve current, ArrivalsCurve? previous)
    {
        var shift = previous is null ? TimeSpan.Zero : current.Deadline - previous.Deadline;
        var mine = current.Submitted.Select(scope.Local).ToList();
        var theirs = previous?.Submitted.Select(t => scope.Local(t + shift)).ToList() ?? [];
        var deadline = scope.Local(current.Deadline);
        var arrivals = mine.Concat(theirs).Select(DateOnly.FromDateTime).ToList();
        var first = arrivals.Append(DateOnly.FromDateTime(scope.Local(current.Opens))).Min();
        var last = arrivals.Append(DateOnly.FromDateTime(deadline)).Max();
        var today = DateOnly.FromDateTime(scope.Local(now));
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var mineByDay = CumulativeArrivals.ByDay(mine, first, last);
        var theirsByDay = CumulativeArrivals.ByDay(theirs, first, last);

        // This season's line stops now: the days ahead have no submissions yet, not none at all.
        var nowLocal = scope.Local(now);
        var shown = days.Count(d => d <= today);
        // The lines are named without the seasons' names, which are years: a figure's numbers are all its table's.
        List<Line> lines = [new("this season", days.Take(shown).Select((d, i) => new LinePoint(Math.Min(EndOf(d), nowLocal.Ticks), mineByDay[i])).ToList())];
        if (previous is not null)
        {
            lines.Add(new("the season before, moved onto this deadline", days.Select((d, i) => new LinePoint(EndOf(d), theirsByDay[i])).ToList(), Dashed: true));
        }

        var figure = new LineFigure(lines, $"day ({scope.Zone.Id})", $"{what} submitted", XIsTime: true, [new Marker("Deadline", deadline.Ticks)]);
        var table = new ChartTable(
            ["Day", "days before the deadline", $"this season ({current.Season})",
                .. previous is null ? Array.Empty<string>() : [$"the season before ({previous.Season}), moved onto this deadline"]],
            days.Select((day, i) => (IReadOnlyList<object?>)
            [
                day, DateOnly.FromDateTime(deadline).DayNumber - day.DayNumber, i < shown ? mineByDay[i] : null,
                .. previous is null ? Array.Empty<object?>() : [theirsByDay[i]],
            ]).ToList());
        var description = $"The {what} submitted by the end of each day ({scope.Zone.Id}), against the deadline of "
            + deadline.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) + ": "
            + $"{mine.Count} in {current.Season}"
            + (previous is null ? ", and no earlier season to compare with." : $", against {theirs.Count} in {previous.Season}, whose curve is moved so its deadline falls on this one's.");
        return new Chart(key, title, description, figure, table, mine.Count + theirs.Count == 0 ? $"No {what} have been submitted in this season or the one before." : null);
    }

    /// <summary>The end of a day, where its cumulative count is drawn: midnight after it.</summary>
    private static long EndOf(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue).Ticks;
}
