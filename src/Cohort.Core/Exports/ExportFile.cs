namespace Cohort.Core.Exports;

/// <summary>How an export is saved: its file name and media type, and the writer for its format.</summary>
public static class ExportFile
{
    /// <summary><c>2026-applications-identified.csv</c>: the season, the kind and the view, so two downloads never get confused.</summary>
    public static string Name(ExportHeading heading, ExportFormat format) =>
        $"{heading.Season}-{heading.Kind}-{ExportWords.Name(heading.View)}.{ExportWords.Name(format)}";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Json ? "application/json" : "text/csv; charset=utf-8";

    public static Task WriteAsync(ExportTable table, ExportFormat format, Stream output, CancellationToken cancellation) =>
        format == ExportFormat.Json ? ExportJson.WriteAsync(table, output, cancellation) : ExportCsv.WriteAsync(table, output, cancellation);
}
