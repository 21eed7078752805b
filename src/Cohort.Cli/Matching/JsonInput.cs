using System.Text.Json;

namespace Cohort.Cli.Matching;

/// <summary>
/// Reads an instance file with errors that name the JSON path of the offending value
/// (<c>applicants[3].ranking[0]</c>), as the contract requires for exit code 2.
/// </summary>
internal static class JsonInput
{
    public static JsonDocument Load(string path) => Parse(ReadFile(path));

    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot read {path}: {e.Message}");
        }
    }

    public static JsonDocument Parse(byte[] bytes)
    {
        try
        {
            var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException("the instance must be a JSON object");
            }

            return document;
        }
        catch (JsonException e)
        {
            // JsonException repeats the position at the end of its message in a 0-based form.
            string reason = e.Message.Split(" LineNumber:")[0];
            throw new InvalidInputException($"broken JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {reason}");
        }
    }

    /// <summary>The array property <paramref name="name"/>; missing is an error unless <paramref name="optional"/>.</summary>
    public static IEnumerable<(JsonElement Item, string Path)> Array(JsonElement parent, string name, string parentPath = "", bool optional = false)
    {
        string path = Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return optional ? [] : throw new InvalidInputException($"{path}: missing (an array is required)");
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException($"{path}: must be an array");
        }

        return array.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]"));
    }

    public static void RequireObject(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException($"{path}: must be an object");
        }
    }

    public static string String(JsonElement parent, string name, string parentPath)
    {
        string path = Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InvalidInputException($"{path}: missing");
        }

        return StringValue(value, path);
    }

    public static string StringValue(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInputException($"{path}: must be a string");
        }

        string text = value.GetString()!;
        return text.Length > 0 ? text : throw new InvalidInputException($"{path}: must not be empty");
    }

    public static string? OptionalString(JsonElement parent, string name, string parentPath) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? StringValue(value, Join(parentPath, name))
            : null;

    /// <summary>A non-negative integer property, or null when absent.</summary>
    public static int? Count(JsonElement parent, string name, string parentPath)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string path = Join(parentPath, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int count))
        {
            throw new InvalidInputException($"{path}: must be a whole number");
        }

        return count >= 0 ? count : throw new InvalidInputException($"{path}: must not be negative (got {count})");
    }

    public static decimal Score(JsonElement parent, string name, string parentPath)
    {
        string path = Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InvalidInputException($"{path}: missing");
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidInputException($"{path}: must be a finite number (got {value.GetRawText()})");
        }

        return value.TryGetDecimal(out decimal score)
            ? score
            : throw new InvalidInputException($"{path}: {value.GetRawText()} is out of range");
    }

    private static string Join(string parentPath, string name) => parentPath.Length == 0 ? name : $"{parentPath}.{name}";
}
