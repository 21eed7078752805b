using CsvHelper;

namespace Cohort.Core.Exports;

/// <summary>
/// An export as CSV: a first line stating what it is and what the view hid, the header, then one line a row, every
/// cell through <see cref="SpreadsheetCell"/>.
/// </summary>
public static class ExportCsv
{
    /// <summary>
    /// <c># Cohort export: applications, season 2026, generated 2026-03-01T09:30:00Z; identities shown</c>, or in
    /// the blind view <c>…; identities hidden (name, contact details, …)</c>.
    /// </summary>
    public static string Statement(ExportHeading heading)
    {
        var view = heading.View == ExportView.Identified ? "identities shown"
            : heading.Hidden.Count == 0 ? "blind view, but the season's blind settings hide nothing"
            : $"identities hidden ({string.Join(", ", heading.Hidden)})";
        return $"# Cohort export: {heading.Kind}, season {heading.Season}, generated {SpreadsheetCell.Time(heading.GeneratedAt)}; {view}";
    }

    public static Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellation) =>
        WriteAsync(Statement(table.Heading), table.Columns, table.Rows.Select(row => row.Select(SpreadsheetCell.Write)), output, cancellation);

    /// <summary>
    /// Any table as CSV: the statement line, the header, then the rows, every cell through
    /// <see cref="SpreadsheetCell.Neutralise"/> (the analytics' chart tables are written this way too).
    /// </summary>
    public static async Task WriteAsync(string statement, IEnumerable<string> columns, IEnumerable<IEnumerable<string>> rows, Stream output, CancellationToken cancellation)
    {
        await using var text = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await text.WriteLineAsync(statement.AsMemory(), cancellation);
        using (var csv = CsvWriter.Create(text))
        {
            foreach (var column in columns)
            {
                csv.WriteField(SpreadsheetCell.Neutralise(column));
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(SpreadsheetCell.Neutralise(cell));
                }

                csv.EndRecord();
            }
        }

        await text.FlushAsync(cancellation);
    }
}
