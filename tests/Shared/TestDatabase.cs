using Cohort.Core.Data;
using Npgsql;

namespace Cohort.Tests.Shared;

/// <summary>
/// A real database for one test fixture: a fresh SQLite file, or a fresh database on the PostgreSQL server
/// that ./test.sh starts. Tests fail, never skip, when PostgreSQL is missing, so CI cannot pass by silence.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connection, Func<ValueTask> drop)
    {
        Provider = provider;
        Connection = connection;
        this.drop = drop;
    }

    private readonly Func<ValueTask> drop;
    public DatabaseProvider Provider { get; }
    public string Connection { get; }

    public static TestDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? CreatePostgres() : CreateSqlite();

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cohort-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            return ValueTask.CompletedTask;
        });
    }

    private static TestDatabase CreatePostgres()
    {
        var name = $"cohort_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connection, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = await OpenServerAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        });
    }

    /// <summary>
    /// Makes this empty database a copy of <paramref name="template"/>, which nothing may be using: SQLite's online
    /// backup of the file, or PostgreSQL's CREATE DATABASE from it as a template.
    /// </summary>
    public async Task CopyFromAsync(TestDatabase template)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new Microsoft.Data.Sqlite.SqliteConnection(template.Connection);
            await using var target = new Microsoft.Data.Sqlite.SqliteConnection(Connection);
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
            return;
        }

        // The template's builder has finished, but its pool may still hold idle sessions, and PostgreSQL copies a
        // database only while nobody is connected to it. Ending those sessions on the server (CREATE DATABASE waits a
        // few seconds for them to go) leaves the other fixtures' pools alone, which clearing every pool would not.
        var templateName = new NpgsqlConnectionStringBuilder(template.Connection).Database;
        await using var admin = await OpenServerAsync();
        await using (var leftovers = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin))
        {
            leftovers.Parameters.AddWithValue("name", templateName!);
            await leftovers.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(Connection).Database}\" TEMPLATE \"{templateName}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        return admin;
    }

    private static string Server => Environment.GetEnvironmentVariable("COHORT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("COHORT_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public ValueTask DisposeAsync() => drop();
}
