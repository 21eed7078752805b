using System.Diagnostics;
using Cohort.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cohort.Core.Operations;

/// <summary>A backup made: where, how big, how long it took, and how it was checked.</summary>
public sealed record BackupReport(string Source, string File, BackupKind Kind, long Bytes, TimeSpan Duration, string Check, int Tables, IReadOnlyList<TableRows> Rows, string? Warning);

/// <summary>The backup, or why none was made (a refusal for the person who asked: exit 2).</summary>
public sealed record BackupOutcome(string? Refusal, BackupReport? Report);

/// <summary>
/// `cohort db backup FILE`: a consistent copy of the configured database while the app goes on writing. SQLite is
/// copied with its online backup API, PostgreSQL dumped by pg_dump in custom format. Either is written beside FILE
/// under another name, checked, and only then renamed to FILE, so FILE is either the whole checked backup or untouched.
/// A failure of the database or the tools throws, with a sentence for the operator.
/// </summary>
public sealed class BackUpDatabase(CohortDbContext db, IOptions<DatabaseOptions> options, DatabaseMigrator migrator)
{
    public async Task<BackupOutcome> RunAsync(string file, bool force, CancellationToken cancellation = default)
    {
        if (BackupFile.TargetProblem(file, force) is { } problem)
        {
            return new BackupOutcome(problem, null);
        }

        var provider = options.Value.Provider;
        var source = ConfiguredDatabase.Describe(db, provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = ConfiguredDatabase.SqlitePath(db);
            // Opening a SQLite file that is not there would create an empty one; say so instead.
            if (!File.Exists(path))
            {
                return new BackupOutcome($"There is no database to back up: {source} does not exist (ConnectionStrings:Cohort names it).", null);
            }

            // With --force the rename would put the copy over the live file under the app's feet.
            if (string.Equals(Path.GetFullPath(file), path, StringComparison.Ordinal))
            {
                return new BackupOutcome($"{file} is the database itself; name another file for the backup.", null);
            }
        }

        if ((await migrator.StateAsync(cancellation)).Applied.Count == 0)
        {
            return new BackupOutcome($"{source} has no Cohort tables (no migration history), so there is nothing to back up.", null);
        }

        var watch = Stopwatch.StartNew();
        var partial = BackupFile.PartialBeside(file);
        try
        {
            var made = provider == DatabaseProvider.Postgres ? await DumpAsync(partial, cancellation) : await CopySqliteAsync(partial, cancellation);
            File.Move(partial, file, overwrite: force);
            return new BackupOutcome(null, new BackupReport(source, Path.GetFullPath(file), BackupFile.For(provider), new FileInfo(file).Length, watch.Elapsed,
                made.Check, made.Tables, made.Rows, made.Warning));
        }
        finally
        {
            // After the rename there is nothing left to delete; after a failure, the half file goes.
            BackupFile.DeletePartial(partial);
        }
    }

    private async Task<Checked> CopySqliteAsync(string partial, CancellationToken cancellation)
    {
        // Through the app's own connection, so the app's pragmas hold: WAL (a reader never blocks a writer) and busy_timeout.
        await db.Database.OpenConnectionAsync(cancellation);
        string journal;
        try
        {
            var source = (SqliteConnection)db.Database.GetDbConnection();
            journal = SqliteCopies.JournalMode(source);
            SqliteCopies.Copy(source, partial);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        using var copy = SqliteCopies.Open(partial, SqliteOpenMode.ReadOnly);
        var integrity = SqliteCopies.IntegrityCheck(copy);
        if (integrity != "ok")
        {
            throw new InvalidOperationException($"The copy fails SQLite's integrity check ({integrity}), so no backup was written; the database itself may be damaged: run PRAGMA integrity_check on it.");
        }

        var tables = SqliteCopies.Tables(copy);
        var warning = string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The database is in {journal} journal mode, not WAL, so writers waited while it was copied.";
        return new Checked("PRAGMA integrity_check: ok", tables.Count, tables, warning);
    }

    private async Task<Checked> DumpAsync(string partial, CancellationToken cancellation)
    {
        var connection = ConfiguredDatabase.Postgres(db);
        await db.Database.OpenConnectionAsync(cancellation);
        Version server;
        try
        {
            server = ((NpgsqlConnection)db.Database.GetDbConnection()).PostgreSqlVersion;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var pgDump = PostgresTools.Newest("pg_dump") ?? throw new InvalidOperationException(PostgresTools.Missing("pg_dump"));
        if (pgDump.Major < server.Major)
        {
            throw new InvalidOperationException(
                $"{pgDump.Path} is version {pgDump.Version}, and pg_dump cannot dump a newer server: this one is PostgreSQL {server.Major}. " +
                $"Install postgresql-client-{server.Major} (from apt.postgresql.org if Debian has no such package) so that pg_dump {server.Major} or newer is found.");
        }

        // pg_dump reads every table in one repeatable-read transaction: a consistent snapshot, without stopping writers.
        var (code, _, errors) = await PostgresTools.RunAsync(pgDump, ["--format=custom", "--no-password", $"--file={partial}"], connection, cancellation);
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_dump failed (exit {code}), so no backup was written: {PostgresTools.FirstLines(errors)}");
        }

        var archive = await PgArchive.ListAsync(partial, cancellation);
        return new Checked(
            $"pg_restore --list reads the archive back (pg_dump {pgDump.Version}, server {server.Major}.{server.Minor})",
            archive.TablesWithData.Count, [], null);
    }

    /// <summary>How the partial copy was checked, and what it holds.</summary>
    private sealed record Checked(string Check, int Tables, IReadOnlyList<TableRows> Rows, string? Warning);
}
