using System.Text.Json;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Archive;

/// <summary>What an export wrote: the season and how many rows of how many entities.</summary>
public sealed record SeasonArchiveSummary(string Season, int Entities, int Rows, int Accounts);

/// <summary>
/// `cohort export season`: writes one season as a versioned JSON archive (docs/archive.md). Entities come in the
/// order an import inserts them, rows in key order and columns by name, so the same season always gives the same
/// bytes but for <see cref="SeasonArchiveFormat.GeneratedAt"/>.
/// </summary>
public sealed class ExportSeason(CohortDbContext db, TimeProvider clock)
{
    /// <summary>Writes the season with <paramref name="slug"/> (the current season when null); null when there is no such season.</summary>
    public async Task<SeasonArchiveSummary?> WriteAsync(string? slug, Stream output, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().NamedOrCurrentAsync(slug, cancellation);
        if (season is null)
        {
            return null;
        }

        var model = ArchiveModel.For(db.Model);
        var content = await SeasonRows.ReadAsync(db, model, season, cancellation);
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ArchiveValues.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteString("format", SeasonArchiveFormat.Name);
        writer.WriteNumber("version", SeasonArchiveFormat.Version);
        writer.WriteString("season", season.Slug);
        writer.WriteString(SeasonArchiveFormat.GeneratedAt, clock.GetUtcNow().UtcDateTime);
        writer.WriteStartObject("accountRoles");
        foreach (var (account, roles) in content.AccountRoles.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.WriteStartArray(account);
            roles.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("entities");
        foreach (var type in model.Archived)
        {
            writer.WriteStartArray(ArchiveModel.NameOf(type));
            foreach (var row in content.Rows[type])
            {
                WriteRow(writer, row);
            }

            writer.WriteEndArray();
            await writer.FlushAsync(cancellation);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellation);
        var accounts = content.Rows.Single(r => r.Key.ClrType == typeof(Accounts.CohortUser)).Value.Count;
        return new SeasonArchiveSummary(season.Slug, model.Archived.Count, content.Rows.Values.Sum(r => r.Count), accounts);
    }

    private static void WriteRow(Utf8JsonWriter writer, ArchiveRow row)
    {
        writer.WriteStartObject();
        foreach (var (column, value) in row.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(column);
            if (value is ArchiveRow part)
            {
                WriteRow(writer, part);
            }
            else
            {
                ArchiveValues.Write(writer, value);
            }
        }

        writer.WriteEndObject();
    }
}
