using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics;

/// <summary>Builds a topic's section as the analytics page does, and reads what it says.</summary>
internal static class AnalyticsSections
{
    public static Task<AnalyticsSection> SectionAsync(this CoreServicesFixture core, string topic, int seasonId, int? streamId = null, TimeZoneInfo? zone = null) =>
        core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics =>
            topics.Single(t => t.Key == topic).BuildAsync(new AnalyticsScope(seasonId, streamId, zone ?? TimeZoneInfo.Utc), default));

    /// <summary>The current season's id, or the season before it.</summary>
    public static Task<int> SeasonIdAsync(this CoreServicesFixture core, bool current = true) =>
        core.RunAsync<CohortDbContext, int>(db => db.Seasons.OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.ProgrammeStart)
            .Skip(current ? 0 : 1).Select(s => s.Id).FirstAsync());

    public static Chart Chart(this AnalyticsSection section, string key) => section.Charts.Single(c => c.Key == key);

    /// <summary>The chart's table, each cell as the page and the CSV write it.</summary>
    public static List<string[]> Rows(this AnalyticsSection section, string key) =>
        section.Chart(key).Table.Rows.Select(row => row.Select(ChartCell.Format).ToArray()).ToList();

    /// <summary>A chart's table row whose first cell is <paramref name="category"/>.</summary>
    public static IReadOnlyList<object?> Row(this Chart chart, string category) => chart.Table.Rows.Single(r => Equals(r[0], category));

    /// <summary>A cell of a chart's table, by its row's first cell and its column's name.</summary>
    public static T Cell<T>(this Chart chart, string category, string column) => (T)chart.Row(category)[chart.Table.Columns.ToList().IndexOf(column)]!;

    /// <summary>Every word a reader meets in the section: notes, titles, descriptions, what the figures name and every table cell.</summary>
    public static string Text(this AnalyticsSection section) => string.Join("\n",
        section.Notes.Concat(section.Charts.SelectMany(c => new[] { c.Title, c.Description, c.Empty ?? "" }
            .Concat(c.Table.Columns)
            .Concat(c.Table.Rows.SelectMany(r => r.Select(ChartCell.Format)))
            .Concat(Named(c.Figure)))));

    private static IEnumerable<string> Named(Figure figure) => figure switch
    {
        BarFigure bars => bars.Categories.Concat(bars.Series.Select(s => s.Name)),
        LineFigure lines => lines.Lines.Select(l => l.Name).Concat(lines.Markers.Select(m => m.Label)),
        IntervalFigure intervals => intervals.Estimates.Select(e => e.Label),
        SlopeFigure slopes => slopes.Slopes.Select(s => s.Label),
        _ => [],
    };
}
