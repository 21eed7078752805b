using Cohort.Core.Analytics.Charts;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// A section as a page shows it: its charts, and where each chart's CSV is downloaded (<see cref="CsvBase"/>, an
/// address with its query string begun, to which the chart's key is added).
/// </summary>
public sealed record SectionView(AnalyticsSection Section, string CsvBase)
{
    public string CsvHref(Chart chart) => $"{CsvBase}&chart={Uri.EscapeDataString(chart.Key)}";

    /// <summary>The element id of a chart, unique on a page that shows several sections.</summary>
    public string Id(Chart chart) => $"{Section.Key}-{chart.Key}";
}
