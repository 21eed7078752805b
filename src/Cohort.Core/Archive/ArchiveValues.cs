using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cohort.Core.Archive;

/// <summary>
/// How a column's value is written in an archive and read back: enums by name, file bytes in base64, dates in UTC
/// ISO 8601 kept to the microsecond, the precision PostgreSQL stores, so that an archive that passed through either
/// database is the same file.
/// </summary>
public static class ArchiveValues
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The value as both databases keep it.</summary>
    public static object? Normalise(object? value) => value switch
    {
        DateTime at => new DateTime(at.Ticks - at.Ticks % 10, DateTimeKind.Utc),
        DateTimeOffset at => new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero),
        _ => value,
    };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, value.GetType(), Options);
        }
    }

    public static object? Read(JsonElement element, Type type) =>
        element.ValueKind == JsonValueKind.Null ? null : Normalise(element.Deserialize(type, Options));
}
