using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Tests.Infrastructure;

namespace Cohort.Core.Tests.Analytics;

/// <summary>Builds a topic's section as the page would (the topic found among the registered ones by its key), and reads its tables as the page writes them.</summary>
internal static class TopicSections
{
    public static Task<AnalyticsSection> BuildAsync(CoreServicesFixture core, string key, int seasonId, int? streamId = null) =>
        core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics =>
            topics.Single(t => t.Key == key).BuildAsync(new AnalyticsScope(seasonId, streamId, TimeZoneInfo.Utc), CancellationToken.None));

    public static Chart Chart(this AnalyticsSection section, string key) => section.Charts.Single(c => c.Key == key);

    /// <summary>The chart's table, each cell as the page and the CSV write it.</summary>
    public static List<string[]> Rows(this AnalyticsSection section, string key) =>
        section.Chart(key).Table.Rows.Select(row => row.Select(ChartCell.Format).ToArray()).ToList();

    /// <summary>Every word the section shows: notes, titles, descriptions, categories, series and cells.</summary>
    public static string Text(this AnalyticsSection section) => string.Join("\n", section.Notes.Concat(section.Charts.SelectMany(c =>
        new[] { c.Title, c.Description, c.Empty ?? "" }
            .Concat(c.Table.Columns)
            .Concat(c.Table.Rows.SelectMany(r => r.Select(ChartCell.Format)))
            .Concat(c.Figure is BarFigure bars ? bars.Categories.Concat(bars.Series.Select(s => s.Name)) : []))));
}
