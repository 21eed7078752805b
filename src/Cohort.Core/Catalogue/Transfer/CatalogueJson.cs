using System.Text.Json;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>Reads and writes the JSON catalogue format, turning parser failures into located problems.</summary>
public static class CatalogueJson
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

    // The serializer's messages mention .NET type names; keep the useful first sentence and drop the rest.
    private static string Explain(JsonException e)
    {
        var message = e.Message;
        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathAt > 0)
        {
            message = message[..pathAt];
        }

        return message
            .Replace("Cohort.Core.Catalogue.Transfer.", "", StringComparison.Ordinal)
            .Replace("System.", "", StringComparison.Ordinal);
    }
}
