using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>Reads and writes the JSON catalogue format, turning parser failures into located problems.</summary>
public static partial class CatalogueJson
{
    public static (CatalogueDocument? Document, IReadOnlyList<ImportProblem> Problems) Read(string text)
    {
        CatalogueDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(text, CatalogueJsonContext.Default.CatalogueDocument);
        }
        catch (JsonException e)
        {
            var where = $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1} ({e.Path ?? "$"})";
            return (null, [new ImportProblem(where, Explain(e))]);
        }

        if (document is null)
        {
            return (null, [new ImportProblem("$", "the file holds no catalogue (it is 'null').")]);
        }

        return (document, CatalogueValidator.ValidateDocument(document));
    }

    public static string Write(CatalogueDocument document) =>
        JsonSerializer.Serialize(document, CatalogueJsonContext.Default.CatalogueDocument);

    // The serializer names the .NET type that holds the bad value, which means nothing to an author;
    // say instead what the field should hold. The format is small enough to know each field's kind.
    private static string Explain(JsonException e)
    {
        var field = FieldName().Match(e.Path ?? "").Groups[1].Value;
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"this value has the wrong type: expected {Expected(field)}.";
        }

        if (e.Message.Contains("null values", StringComparison.Ordinal))
        {
            return $"may not be null: leave the field out or give {Expected(field)}.";
        }

        var pathAt = e.Message.IndexOf(" Path:", StringComparison.Ordinal);
        return pathAt > 0 ? e.Message[..pathAt] : e.Message;
    }

    private static string Expected(string field) => field switch
    {
        "capacity" or "minimumAge" => "a whole number",
        "programmeStart" or "programmeEnd" => "a date such as \"2027-06-07\"",
        "at" or "opensAt" or "closesAt" => "a UTC date and time such as \"2027-01-11T09:00:00Z\"",
        "tracks" or "mentors" or "streams" or "stages" or "keyDates" or "faq" => "a list in square brackets",
        "season" or "" => "an object in curly braces",
        _ => "text in double quotes",
    };

    // The last named segment of a path such as $.streams[3].mentors[0] ("mentors").
    [GeneratedRegex(@"\.(\w+)(\[\d+\])?$")]
    private static partial Regex FieldName();
}
