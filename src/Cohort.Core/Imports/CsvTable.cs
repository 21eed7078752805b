using System.Text.RegularExpressions;
using Cohort.Core.Catalogue.Transfer;
using CsvHelper;

namespace Cohort.Core.Imports;

/// <summary>One record of a CSV file: the line it starts on (a quoted answer may span several) and its cells.</summary>
public sealed record CsvRow(long Line, IReadOnlyList<string> Cells);

/// <summary>
/// A CSV file as the tools programmes use export it (Google Forms, Airtable, a spreadsheet): a header line, then one
/// record a row. A byte-order mark is dropped, blank lines are skipped, quoted cells may hold commas and line breaks
/// (kept as <c>\n</c>), and every row must have as many cells as the header. Anything else is refused with its line.
/// </summary>
public sealed partial class CsvTable
{
    private CsvTable(IReadOnlyList<string> headers, IReadOnlyList<CsvRow> rows)
    {
        Headers = headers;
        Rows = rows;
        columns = headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => c.i, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, int> columns;

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static (CsvTable? Table, IReadOnlyList<ImportProblem> Problems) Read(string text)
    {
        var rows = new List<CsvRow>();
        string[] headers;
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions
            {
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Throw,
            });
            headers = (csv.Headers ?? []).Select(h => h.Trim()).ToArray();
            if (headers.Length == 0 || headers.All(h => h.Length == 0))
            {
                return (null, [new ImportProblem("line 1", "the file is empty: it needs a header line naming its columns, then one line per person.")]);
            }

            while (csv.Read())
            {
                rows.Add(new CsvRow(csv.LineNumber, Enumerable.Range(0, headers.Length).Select(i => Normalise(csv.GetString(i))).ToArray()));
            }
        }
        catch (CsvFormatException e)
        {
            var line = LineOf().Match(e.Message) is { Success: true } found ? $"line {found.Groups[1].Value}" : "CSV";
            return (null, [new ImportProblem(line, $"the file is not well-formed CSV: {e.Message}")]);
        }

        var problems = HeaderProblems(headers);
        return problems.Count > 0 ? (null, problems) : (new CsvTable(headers, rows), []);
    }

    /// <summary>The cell of <paramref name="row"/> under <paramref name="header"/>.</summary>
    public string Cell(CsvRow row, string header) => row.Cells[columns[header]];

    public bool HasColumn(string header) => columns.ContainsKey(header);

    // A column must be named, and named once, or a mapping by header could not say which column it means.
    private static List<ImportProblem> HeaderProblems(string[] headers)
    {
        var problems = new List<ImportProblem>();
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length == 0)
            {
                problems.Add(new ImportProblem($"line 1, column {i + 1}", "this column has no header: name it, or delete the column."));
            }
        }

        problems.AddRange(headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => new ImportProblem($"line 1, column \"{g.Key}\"", $"{g.Count()} columns have this header: rename all but one, so each can be mapped.")));
        return problems;
    }

    // Windows line breaks inside a quoted answer become plain ones, as a form's own answers store them.
    private static string Normalise(string cell) => cell.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [GeneratedRegex(@"\(line (\d+)\)")]
    private static partial Regex LineOf();
}
