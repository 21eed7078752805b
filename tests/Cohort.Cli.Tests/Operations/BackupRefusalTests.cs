using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests.Operations;

/// <summary>What `cohort db backup` and `cohort db restore` refuse: each with one line and exit 2, touching nothing.</summary>
public abstract class BackupRefusalTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);
    private readonly TestDatabase empty = TestDatabase.Create(provider);
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-backup-").FullName;

    private string File(string name) => Path.Combine(folder, name);

    public ValueTask InitializeAsync()
    {
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "migrate").ExitCode);
        return ValueTask.CompletedTask;
    }

    private static void AssertRefused(CohortRun run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Restore_refuses_a_database_that_already_has_tables_and_changes_nothing()
    {
        var backup = File("cohort.backup");
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "backup", backup).ExitCode);

        AssertRefused(DatabaseRuns.Run(database, "db", "restore", backup), "fills only an empty database");
        Assert.Equal("The database is up to date.", DatabaseRuns.Run(database, "db", "migrate").Stdout.Trim());
    }

    [Fact]
    public async Task Restore_refuses_a_backup_of_the_other_kind()
    {
        var other = provider == DatabaseProvider.Sqlite ? await OtherKind.PgDumpAsync(File("other.backup")) : OtherKind.Sqlite(File("other.db"));

        AssertRefused(DatabaseRuns.Run(empty, "db", "restore", other), "but the configured database is");
    }

    [Fact]
    public void Backup_refuses_an_existing_file_without_force_and_replaces_it_with_force()
    {
        var backup = File("cohort.backup");
        System.IO.File.WriteAllText(backup, "an older backup");

        AssertRefused(DatabaseRuns.Run(database, "db", "backup", backup), "already exists; add --force");
        Assert.Equal("an older backup", System.IO.File.ReadAllText(backup));
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "backup", backup, "--force").ExitCode);
        Assert.NotEqual("an older backup", System.IO.File.ReadAllText(backup));
        Assert.Single(Directory.GetFiles(folder));
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        await empty.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class BackupRefusalTestsOnSqlite() : BackupRefusalTests(DatabaseProvider.Sqlite);

public sealed class BackupRefusalTestsOnPostgres() : BackupRefusalTests(DatabaseProvider.Postgres);

/// <summary>Backups of the kind a test's database does not make.</summary>
internal static class OtherKind
{
    /// <summary>A pg_dump archive at <paramref name="path"/>, of a fresh PostgreSQL database.</summary>
    public static async Task<string> PgDumpAsync(string path)
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "migrate").ExitCode);
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "backup", path).ExitCode);
        return path;
    }

    /// <summary>A Cohort SQLite database at <paramref name="path"/>: a file of the kind a SQLite backup is.</summary>
    public static string Sqlite(string path)
    {
        Assert.Equal(0, Cohort.RunRaw(["db", "migrate", "--provider", "Sqlite", "--connection", $"Data Source={path}"]).ExitCode);
        return path;
    }
}
