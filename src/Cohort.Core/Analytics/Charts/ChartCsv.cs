using Cohort.Core.Exports;

namespace Cohort.Core.Analytics.Charts;

/// <summary>
/// The numbers behind a chart as CSV: a first line saying which chart, season and filter they are, the header, then
/// the table's rows written as the page's table writes them (<see cref="ChartCell.Format"/>), each cell kept from
/// running as a spreadsheet formula as in every export (labels can be applicants' names).
/// </summary>
public static class ChartCsv
{
    public static Task WriteAsync(Chart chart, string statement, Stream output, CancellationToken cancellation) =>
        ExportCsv.WriteAsync("# " + statement, chart.Table.Columns, chart.Table.Rows.Select(row => row.Select(ChartCell.Format)), output, cancellation);
}
