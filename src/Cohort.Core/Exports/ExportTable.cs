namespace Cohort.Core.Exports;

/// <summary>
/// What an export states about itself, in the CSV's first line and the JSON's fields: the kind, the season, when it
/// was made, the view, and in the blind view what the season's blind settings hid.
/// </summary>
public sealed record ExportHeading(string Kind, string Season, DateTime GeneratedAt, ExportView View, IReadOnlyList<string> Hidden);

/// <summary>
/// A kind's columns and rows, before the heading. Each cell is text, a number, a boolean, a UTC time, a date or null,
/// so CSV writes it as a spreadsheet reads it and JSON keeps its type.
/// </summary>
public sealed record ExportRows
{
    public ExportRows(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException($"An export's columns must be unique: {string.Join(", ", columns)}.", nameof(columns));
        }

        if (rows.FirstOrDefault(r => r.Length != columns.Count) is { } ragged)
        {
            throw new ArgumentException($"A row has {ragged.Length} cells for {columns.Count} columns.", nameof(rows));
        }

        (Columns, Rows) = (columns, rows);
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<object?[]> Rows { get; }
}

/// <summary>An export, ready to write as CSV (<see cref="ExportCsv"/>) or JSON (<see cref="ExportJson"/>).</summary>
public sealed record ExportTable(ExportHeading Heading, ExportRows Body)
{
    public IReadOnlyList<string> Columns => Body.Columns;
    public IReadOnlyList<object?[]> Rows => Body.Rows;
}
