using System.Text.Json;
using Cohort.Core.Accounts;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cohort.Core.Archive;

/// <summary>An archive read and checked against this build's model, before anything is written; or why it cannot be imported.</summary>
public sealed record ArchiveFile(string Season, IReadOnlyDictionary<IEntityType, List<ArchiveRow>> Rows, IReadOnlyDictionary<string, List<string>> AccountRoles)
{
    /// <summary>Reads the whole archive; a refusal names the first problem in one line (a JSON path where there is one).</summary>
    public static async Task<(ArchiveFile? File, string? Refusal)> ReadAsync(Stream input, ArchiveModel model, CancellationToken cancellation)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(input, cancellationToken: cancellation);
        }
        catch (JsonException e)
        {
            return (null, $"it is not valid JSON ({e.Message.ReplaceLineEndings(" ")})");
        }

        using (document)
        {
            try
            {
                return (Read(document.RootElement, model), null);
            }
            catch (ArchiveProblem problem)
            {
                return (null, problem.Message);
            }
        }
    }

    private static ArchiveFile Read(JsonElement root, ArchiveModel model)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != SeasonArchiveFormat.Name)
        {
            throw new ArchiveProblem($"it is not a Cohort season archive (its \"format\" is not \"{SeasonArchiveFormat.Name}\")");
        }

        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number != SeasonArchiveFormat.Version)
        {
            throw new ArchiveProblem($"it is a season archive of version {(root.TryGetProperty("version", out var given) ? given.GetRawText() : "(none)")}, and this Cohort reads version {SeasonArchiveFormat.Version} only");
        }

        var season = Required(root, "season", JsonValueKind.String).GetString()!;
        var rows = new Dictionary<IEntityType, List<ArchiveRow>>();
        foreach (var entity in Required(root, "entities", JsonValueKind.Object).EnumerateObject())
        {
            var type = model.Find(entity.Name)
                ?? throw new ArchiveProblem($"$.entities.{entity.Name}: this Cohort's schema has no such entity, so the archive was written by another version of Cohort");
            if (entity.Value.ValueKind != JsonValueKind.Array)
            {
                throw new ArchiveProblem($"$.entities.{entity.Name} is not an array of rows");
            }

            rows[type] = [.. entity.Value.EnumerateArray().Select((row, i) => ReadRow(row, type, ArchiveModel.Columns(type), $"$.entities.{entity.Name}[{i}]"))];
        }

        if (model.Archived.FirstOrDefault(t => !rows.ContainsKey(t)) is { } missing)
        {
            throw new ArchiveProblem($"$.entities has no {ArchiveModel.NameOf(missing)}, which this Cohort's schema archives, so the archive was written by another version of Cohort");
        }

        var accounts = rows[model.Archived.Single(t => t.ClrType == typeof(CohortUser))].Select(r => (string)r[nameof(CohortUser.Id)]!).ToHashSet();
        var roles = new Dictionary<string, List<string>>();
        foreach (var account in Required(root, "accountRoles", JsonValueKind.Object).EnumerateObject())
        {
            if (!accounts.Contains(account.Name))
            {
                throw new ArchiveProblem($"$.accountRoles.{account.Name}: no account of the archive has this id");
            }

            var names = account.Value.ValueKind == JsonValueKind.Array ? account.Value.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : "").ToList() : null;
            if (names is null || names.FirstOrDefault(n => !Roles.All.Contains(n)) is { } unknown)
            {
                throw new ArchiveProblem($"$.accountRoles.{account.Name}: roles are an array of {string.Join(", ", Roles.All)}{(names is null ? "" : $"; '{names.First(n => !Roles.All.Contains(n))}' is none of them")}");
            }

            roles[account.Name] = names;
        }

        return new ArchiveFile(season, rows, roles);
    }

    private static ArchiveRow ReadRow(JsonElement row, IEntityType type, IEnumerable<IProperty> columns, string path)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new ArchiveProblem($"{path} is not an object");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            values[column.Name] = Value(row, column, path);
        }

        foreach (var part in ArchiveModel.OwnedParts(type))
        {
            var element = Column(row, part.Name, path);
            values[part.Name] = element.ValueKind == JsonValueKind.Null
                ? null
                : ReadRow(element, part.TargetEntityType, ArchiveModel.PartColumns(part.TargetEntityType), $"{path}.{part.Name}");
        }

        foreach (var given in row.EnumerateObject().Where(p => !values.ContainsKey(p.Name)))
        {
            throw new ArchiveProblem($"{path}.{given.Name}: {ArchiveModel.NameOf(type)} has no such column in this Cohort's schema, so the archive was written by another version of Cohort");
        }

        return new ArchiveRow(values);
    }

    private static object? Value(JsonElement row, IProperty column, string path)
    {
        var element = Column(row, column.Name, path);
        object? value;
        try
        {
            value = ArchiveValues.Read(element, column.ClrType);
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
        {
            throw new ArchiveProblem($"{path}.{column.Name}: {Shorten(element.GetRawText())} is not a {column.ClrType.Name}");
        }

        return value is null && !column.IsNullable ? throw new ArchiveProblem($"{path}.{column.Name} is null, but the column needs a value") : value;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static JsonElement Column(JsonElement row, string name, string path) => row.TryGetProperty(name, out var element)
        ? element
        : throw new ArchiveProblem($"{path} has no \"{name}\", which this Cohort's schema has, so the archive was written by another version of Cohort");

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == kind
            ? element
            : throw new ArchiveProblem($"it has no \"{name}\" {(kind == JsonValueKind.Object ? "object" : "string")}");

    private sealed class ArchiveProblem(string message) : Exception(message);
}
