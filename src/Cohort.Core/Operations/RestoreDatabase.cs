using System.Diagnostics;
using Cohort.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cohort.Core.Operations;

/// <summary>A restore done: into what, how long it took, and how its schema compares with this build.</summary>
public sealed record RestoreReport(string Target, TimeSpan Duration, int Tables, SchemaState Schema);

/// <summary>The restore, or why none was done (a refusal for the person who asked: exit 2).</summary>
public sealed record RestoreOutcome(string? Refusal, RestoreReport? Report);

/// <summary>
/// `cohort db restore FILE`: fills the configured database, which must be empty, from a backup of the same kind.
/// It never restores over data: an operator restores into a new database and then points Cohort at it. Either kind
/// restores all or nothing (SQLite's backup API writes in one transaction; pg_restore runs in a single one).
/// </summary>
public sealed class RestoreDatabase(CohortDbContext db, IOptions<DatabaseOptions> options, DatabaseMigrator migrator)
{
    public async Task<RestoreOutcome> RunAsync(string file, CancellationToken cancellation = default)
    {
        if (!File.Exists(file))
        {
            return Refused(Directory.Exists(file) ? $"{file} is a folder, not a backup file." : $"{file} does not exist.");
        }

        var provider = options.Value.Provider;
        var kind = BackupFile.Detect(file);
        if (kind is null)
        {
            return Refused($"{file} is neither a SQLite database nor a pg_dump custom-format archive, so it is not a Cohort backup.");
        }

        if (kind != BackupFile.For(provider))
        {
            return Refused($"{file} is {BackupFile.Describe(kind.Value)}, but the configured database is {provider} (Database:Provider); " +
                           $"restore it into a {(kind == BackupKind.PgDump ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite)} database.");
        }

        var target = ConfiguredDatabase.Describe(db, provider);
        var watch = Stopwatch.StartNew();
        var result = provider == DatabaseProvider.Postgres
            ? await RestorePostgresAsync(file, target, cancellation)
            : RestoreSqlite(file, target);
        if (result.Refusal is not null)
        {
            return Refused(result.Refusal);
        }

        var duration = watch.Elapsed;
        var schema = await migrator.StateAsync(cancellation);
        return new RestoreOutcome(null, new RestoreReport(target, duration, result.Tables, schema));
    }

    private Result RestoreSqlite(string file, string target)
    {
        var path = ConfiguredDatabase.SqlitePath(db);
        using var source = SqliteCopies.Open(file, SqliteOpenMode.ReadOnly);
        var tables = SqliteCopies.TableNames(source);
        if (!tables.Contains(PgArchive.HistoryTable))
        {
            return Result.Refuse($"{file} is a SQLite database but not a Cohort backup: it has no {PgArchive.HistoryTable} table.");
        }

        var integrity = SqliteCopies.IntegrityCheck(source);
        if (integrity != "ok")
        {
            throw new InvalidOperationException($"{file} fails SQLite's integrity check ({integrity}), so nothing was restored.");
        }

        if (File.Exists(path))
        {
            using var existing = SqliteCopies.Open(path, SqliteOpenMode.ReadWrite);
            if (NotEmpty(target, SqliteCopies.TableNames(existing)) is { } notEmpty)
            {
                return Result.Refuse(notEmpty);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var restored = SqliteCopies.Open(path, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(restored);
        }

        return new Result(null, tables.Count);
    }

    private async Task<Result> RestorePostgresAsync(string file, string target, CancellationToken cancellation)
    {
        var archive = await PgArchive.ListAsync(file, cancellation);
        if (!archive.HasSchemaHistory)
        {
            return Result.Refuse($"{file} is a pg_dump archive but not a Cohort backup: it has no {PgArchive.HistoryTable} table.");
        }

        // Like `cohort db migrate`, a database that is not there yet is created (empty) first.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellation))
        {
            await creator.CreateAsync(cancellation);
        }

        var connection = ConfiguredDatabase.Postgres(db);
        if (NotEmpty(target, await RelationsAsync(connection, cancellation)) is { } notEmpty)
        {
            return Result.Refuse(notEmpty);
        }

        var pgRestore = PostgresTools.Newest("pg_restore") ?? throw new InvalidOperationException(PostgresTools.Missing("pg_restore"));
        // --no-owner and --no-privileges: the roles of the server the backup came from need not exist on this one; the
        // connecting user owns what it restores. --single-transaction with --exit-on-error: all or nothing.
        var (code, _, errors) = await PostgresTools.RunAsync(pgRestore,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password", $"--dbname={connection.Database ?? connection.Username}", file],
            connection, cancellation);
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_restore failed (exit {code}), and restored nothing: {PostgresTools.FirstLines(errors)}{PgArchive.NewerHint(errors)}");
        }

        return new Result(null, archive.TablesWithData.Count);
    }

    /// <summary>The tables and views in the database's own schemas.</summary>
    private static async Task<IReadOnlyList<string>> RelationsAsync(NpgsqlConnectionStringBuilder connection, CancellationToken cancellation)
    {
        await using var open = new NpgsqlConnection(connection.ConnectionString);
        await open.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' " +
            "ORDER BY c.relname", open);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string? NotEmpty(string target, IReadOnlyList<string> tables) =>
        tables.Count == 0
            ? null
            : ($"{target} is not empty: it has {tables.Count} tables ({string.Join(", ", tables.Take(3))}{(tables.Count > 3 ? ", ..." : "")}). " +
                         "cohort db restore fills only an empty database: restore into a new one, then point ConnectionStrings__Cohort at it.");

    private static RestoreOutcome Refused(string message) => new(message, null);

    /// <summary>A refusal, or how many tables were restored.</summary>
    private sealed record Result(string? Refusal, int Tables)
    {
        public static Result Refuse(string refusal) => new(refusal, 0);
    }
}
