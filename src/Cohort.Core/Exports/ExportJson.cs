using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cohort.Core.Exports;

/// <summary>
/// An export as JSON: the heading's fields, the columns, and one object a row keyed by column, numbers as numbers,
/// booleans as booleans, times as ISO 8601 in UTC, empty cells as null.
/// </summary>
public sealed record ExportDocument(
    string Kind, string Season, DateTime GeneratedAt, string View, IReadOnlyList<string> Hidden,
    IReadOnlyList<string> Columns, IEnumerable<IReadOnlyDictionary<string, object?>> Rows);

public static class ExportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        Encoder = ReadableJson.Encoder,
        Converters = { new UtcSeconds() },
    };

    public static ExportDocument Document(ExportTable table)
    {
        var heading = table.Heading;
        return new(heading.Kind, heading.Season, heading.GeneratedAt, ExportWords.Name(heading.View), heading.Hidden, table.Columns,
            table.Rows.Select(row => (IReadOnlyDictionary<string, object?>)table.Columns.Select((column, i) => (column, row[i])).ToDictionary(c => c.column, c => c.Item2)));
    }

    public static Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellation) =>
        JsonSerializer.SerializeAsync(output, Document(table), Options, cancellation);

    /// <summary>Times as the CSV writes them (<see cref="SpreadsheetCell.Time"/>): UTC to the second, whatever kind the database gave back.</summary>
    private sealed class UtcSeconds : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.SpecifyKind(reader.GetDateTime(), DateTimeKind.Utc);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(SpreadsheetCell.Time(value));
    }
}
