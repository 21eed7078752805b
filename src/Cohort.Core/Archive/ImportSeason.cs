using System.Reflection;
using System.Runtime.CompilerServices;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Archive;

/// <summary>The import done (the season and how many rows), or why none was done.</summary>
public sealed record SeasonImportOutcome(string? Refusal, string? Season = null, int Rows = 0, int Accounts = 0);

/// <summary>
/// `cohort import season FILE`: restores an archive into an empty database of either provider, keeping every id, in
/// one transaction. The archive is read and checked whole before the database is touched; a database with any row of
/// what an archive holds is refused, so nothing is ever merged into or over existing data.
/// </summary>
public sealed class ImportSeason(CohortDbContext db, IOptions<DatabaseOptions> options, DatabaseMigrator migrator, AccountRoles roles, AuditLog audit)
{
    private const int RowsPerSave = 1000;

    public async Task<SeasonImportOutcome> RunAsync(Stream archive, string name, Actor actor, CancellationToken cancellation = default)
    {
        var model = ArchiveModel.For(db.Model);
        var (file, refusal) = await ArchiveFile.ReadAsync(archive, model, cancellation);
        if (file is null)
        {
            return new SeasonImportOutcome($"{name}: {refusal}.");
        }

        await migrator.MigrateAsync(cancellation);
        if (await NotEmptyAsync(model, cancellation) is { } tables)
        {
            return new SeasonImportOutcome(
                $"{ConfiguredDatabase.Describe(db, options.Value.Provider)} is not empty (it has rows in {tables}): a season archive is imported only into an empty database, such as a new one.");
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        try
        {
            foreach (var type in model.Archived)
            {
                await InsertAsync(type, file.Rows[type], cancellation);
            }
        }
        catch (DbUpdateException e)
        {
            // A hand-edited archive whose keys point nowhere, say: the transaction is rolled back when disposed.
            var reason = (e.InnerException ?? e).Message.ReplaceLineEndings(" ");
            return new SeasonImportOutcome($"{name}: the archive's rows do not fit together, so it was not written by Cohort or was changed since ({reason}).");
        }

        await GrantRolesAsync(file.AccountRoles, cancellation);
        await ContinueKeysAsync(model, cancellation);
        var rows = file.Rows.Values.Sum(r => r.Count);
        var accounts = file.Rows.Single(r => r.Key.ClrType == typeof(CohortUser)).Value.Count;
        audit.Record(actor, "season.imported", $"archive:{name}", $"season {file.Season}: {rows} rows, {accounts} accounts (their passwords are to be reset)");
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return new SeasonImportOutcome(null, file.Season, rows, accounts);
    }

    /// <summary>The tables of what an archive holds that have a row, or null when there is none.</summary>
    private async Task<string?> NotEmptyAsync(ArchiveModel model, CancellationToken cancellation)
    {
        var full = new List<string>();
        foreach (var type in model.Archived)
        {
            if (await ArchiveModel.Query(db, type).AnyAsync(cancellation))
            {
                full.Add(type.GetTableName()!);
            }
        }

        if (await db.UserRoles.AnyAsync(cancellation))
        {
            full.Add(db.Model.FindEntityType(typeof(IdentityUserRole<string>))!.GetTableName()!);
        }

        return full.Count == 0 ? null : string.Join(", ", full.Take(4)) + (full.Count > 4 ? $" and {full.Count - 4} more" : "");
    }

    private async Task InsertAsync(IEntityType type, List<ArchiveRow> rows, CancellationToken cancellation)
    {
        foreach (var chunk in rows.Chunk(RowsPerSave))
        {
            foreach (var row in chunk)
            {
                var entity = Create(type.ClrType);
                var shadow = new List<(string, object?)>();
                foreach (var column in ArchiveModel.Columns(type))
                {
                    if (!TrySet(entity, column, row[column.Name]))
                    {
                        shadow.Add((column.Name, row[column.Name]));
                    }
                }

                foreach (var ((_, property), value) in ArchivedTypes.Regenerated.Where(r => r.Key.Type == type.ClrType))
                {
                    TrySet(entity, type.FindProperty(property)!, value());
                }

                foreach (var part in ArchiveModel.OwnedParts(type))
                {
                    if (row[part.Name] is ArchiveRow values)
                    {
                        var owned = Create(part.TargetEntityType.ClrType);
                        foreach (var column in ArchiveModel.PartColumns(part.TargetEntityType))
                        {
                            TrySet(owned, column, values[column.Name]);
                        }

                        part.PropertyInfo!.SetValue(entity, owned);
                    }
                }

                var entry = db.Add(entity);
                foreach (var (column, value) in shadow)
                {
                    entry.Property(column).CurrentValue = value;
                }
            }

            await db.SaveChangesAsync(cancellation);
            db.ChangeTracker.Clear();
        }
    }

    private async Task GrantRolesAsync(IReadOnlyDictionary<string, List<string>> accountRoles, CancellationToken cancellation)
    {
        await roles.EnsureRolesAsync();
        var ids = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellation);
        db.UserRoles.AddRange(accountRoles.SelectMany(a => a.Value.Select(role => new IdentityUserRole<string> { UserId = a.Key, RoleId = ids[role] })));
        await db.SaveChangesAsync(cancellation);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// PostgreSQL's identity sequences do not follow explicit ids: each archived table's sequence is moved past its
    /// largest id, so the next row Cohort adds gets a new one. SQLite's AUTOINCREMENT follows inserted ids by itself.
    /// </summary>
    private async Task ContinueKeysAsync(ArchiveModel model, CancellationToken cancellation)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        foreach (var type in model.Archived)
        {
            if (type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            {
                var table = type.GetTableName()!;
                var column = key.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()))!;
                // Identifiers from the model, not from the archive: nothing here comes from the file.
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{table}\"", cancellation);
#pragma warning restore EF1002
            }
        }
    }

    private static object Create(Type type) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)?.Invoke(null)
        ?? RuntimeHelpers.GetUninitializedObject(type);

    /// <summary>Sets a mapped property or its backing field; false for a shadow property, which only the change tracker holds.</summary>
    private static bool TrySet(object entity, IProperty column, object? value)
    {
        if (column.PropertyInfo is { SetMethod: not null } property)
        {
            property.SetValue(entity, value);
        }
        else if (column.FieldInfo is { } field)
        {
            field.SetValue(entity, value);
        }
        else
        {
            return false;
        }

        return true;
    }
}
