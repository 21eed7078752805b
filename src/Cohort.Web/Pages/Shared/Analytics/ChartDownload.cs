using System.Globalization;
using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;

namespace Cohort.Web.Pages.Shared.Analytics;

/// <summary>
/// One chart's numbers as a CSV download, for the admin's analytics and a mentor's stream page alike: the first line
/// says which topic and chart, for which filters, when, and in which zone the times are.
/// </summary>
public static class ChartDownload
{
    /// <param name="filters">What the numbers are of, in words: "season 2027, stream Model Internals".</param>
    public static async Task<FileStreamResult> CsvAsync(IAnalyticsTopic topic, Chart chart, string filters, TimeZoneInfo zone, DateTime now, CancellationToken cancellation)
    {
        var statement = $"Cohort analytics: {topic.Title}, {chart.Title}; {filters}; generated " +
            $"{now.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}; times in {zone.Id}";
        var output = new MemoryStream();
        await ChartCsv.WriteAsync(chart, statement, output, cancellation);
        output.Position = 0;
        return new FileStreamResult(output, "text/csv; charset=utf-8") { FileDownloadName = $"{topic.Key}-{chart.Key}.csv" };
    }
}
