using System.Globalization;
using Cohort.Core.Exports;
using CsvHelper;

namespace Cohort.Core.Review;

/// <summary>
/// A score table as CSV, in the table's order, one column per composite part, every cell through the exports' one
/// formula-safe rule (<see cref="SpreadsheetCell.Neutralise"/>): names and emails are the applicants' own text, and a
/// score table is opened in a spreadsheet.
/// </summary>
public static class ScoreTableExport
{
    public static string Write(ScoreTable table, IReadOnlyList<ScoreTableRow> rows, IReadOnlySet<int> aboveCutoff)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text))
        {
            string[] header =
            [
                "place", "id", "applicant", "email", "stream", "state", "raw_mean", "calibrated", "standard_error", "reviews", "spread", "disagreement",
                .. table.Parts.Select(p => p.Name), "composite", "incomplete", "above_cutoff",
            ];
            WriteRecord(csv, header);
            foreach (var (row, place) in rows.Select((r, i) => (r, i + 1)))
            {
                var score = row.Score;
                WriteRecord(csv,
                [
                    Number(place), Number(row.Row.Id), row.Row.ApplicantName, row.Row.Email, row.Row.Stream, row.Row.State.ToString(),
                    Number(score?.RawMean), Number(score?.Calibrated), Number(score?.StandardError), Number(score?.ReviewCount ?? 0), Number(score?.Spread),
                    score?.Disagreement == true ? "yes" : "no",
                    .. table.Parts.Select(p => Number(row.Parts.GetValueOrDefault(p.Key))),
                    Number(row.Composite.Value), row.Composite.Incomplete ? "yes" : "no", aboveCutoff.Contains(row.Row.Id) ? "yes" : "no",
                ]);
            }
        }

        return text.ToString();
    }

    private static void WriteRecord(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(SpreadsheetCell.Neutralise(cell));
        }

        csv.EndRecord();
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
