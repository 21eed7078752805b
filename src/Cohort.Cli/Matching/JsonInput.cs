using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Cohort.Cli.Matching;

/// <summary>
/// Reads an instance file with errors that name the JSON path of the offending value
/// (<c>applicants[3].ranking[0]</c>), as the contract requires for exit code 2.
/// </summary>
internal static class JsonInput
{
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

    /// <summary>The top-level array <paramref name="name"/>; missing is an error unless <paramref name="optional"/>.</summary>
    public static IEnumerable<(JsonElement Item, JsonPath Path)> Array(JsonElement parent, string name, bool optional = false)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return optional ? [] : throw new InvalidInputException($"{name}: missing (an array is required)");
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException($"{name}: must be an array");
        }

        return array.EnumerateArray().Select((item, i) => (item, new JsonPath(name, i)));
    }

    public static void RequireObject(JsonElement item, JsonPath path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException($"{path}: must be an object");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string String(JsonElement parent, string name, JsonPath parentPath)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InvalidInputException($"{parentPath.Field(name)}: missing");
        }

        return StringValue(value, parentPath, name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string StringValue(JsonElement value, JsonPath parentPath, string name)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInputException($"{parentPath.Field(name)}: must be a string");
        }

        string text = value.GetString()!;
        return text.Length > 0 ? text : throw new InvalidInputException($"{parentPath.Field(name)}: must not be empty");
    }

    public static string? OptionalString(JsonElement parent, string name, JsonPath parentPath) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? StringValue(value, parentPath, name)
            : null;

    /// <summary>A non-negative integer property, or null when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int? Count(JsonElement parent, string name, JsonPath parentPath)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int count))
        {
            throw new InvalidInputException($"{parentPath.Field(name)}: must be a whole number");
        }

        return count >= 0 ? count : throw new InvalidInputException($"{parentPath.Field(name)}: must not be negative (got {count})");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static decimal Score(JsonElement parent, string name, JsonPath parentPath)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InvalidInputException($"{parentPath.Field(name)}: missing");
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidInputException($"{parentPath.Field(name)}: must be a finite number (got {value.GetRawText()})");
        }

        return value.TryGetDecimal(out decimal score)
            ? score
            : throw new InvalidInputException($"{parentPath.Field(name)}: {value.GetRawText()} is out of range");
    }

}

/// <summary>Where an item of a top-level list is, spelled out only when an error message needs it.</summary>
internal readonly record struct JsonPath(string List, int Index)
{
    public override string ToString() => $"{List}[{Index}]";

    public string Field(string name) => $"{this}.{name}";
}
