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
        var server = Environment.GetEnvironmentVariable("COHORT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("COHORT_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = $"cohort_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connection, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => drop();
}
