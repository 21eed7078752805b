using Cohort.Core;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cohort.Benchmarks.Applications;

/// <summary>
/// A fresh, migrated database holding the demo season, with Cohort's real services over it: a SQLite file in the
/// temp folder, or a new database on the PostgreSQL server named by a connection string. Dropped when disposed, unless
/// it was made to be kept (for an app process started on it after the bench ends).
/// </summary>
internal sealed class RushDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly Func<Task> drop;

    private RushDatabase(ServiceProvider services, Func<Task> drop, string connection, bool postgres)
    {
        this.services = services;
        this.drop = drop;
        Connection = connection;
        Provider = postgres ? "Postgres" : "Sqlite";
    }

    /// <summary>The connection string, for an app process started on this database.</summary>
    public string Connection { get; }

    /// <summary>The value of the Database:Provider setting for this database.</summary>
    public string Provider { get; }

    /// <param name="empty">Leave the database empty (not even migrated), e.g. to restore a backup into.</param>
    /// <param name="keep">
    /// A SQLite file path, or a PostgreSQL database name, to make the database at and keep when disposed; whatever
    /// was there before is replaced. Null for a throwaway database.
    /// </param>
    public static async Task<RushDatabase> CreateAsync(string? postgres, bool empty = false, string? keep = null)
    {
        var name = postgres is not null && keep is not null ? keep : $"cohort_rush_{Guid.NewGuid():N}";
        string connection;
        Func<Task> drop;
        if (postgres is null)
        {
            var path = keep is null ? Path.Combine(Path.GetTempPath(), name + ".db") : Path.GetFullPath(keep);
            connection = $"Data Source={path}";
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }

                return Task.CompletedTask;
            };
            if (keep is not null)
            {
                await drop();
            }
        }
        else
        {
            if (keep is not null)
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(keep, "^[a-z_][a-z0-9_]*$"))
                {
                    throw new ArgumentException($"\"{keep}\" is not a plain PostgreSQL database name (lower-case letters, digits and underscores).");
                }

                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }

            await ExecuteAsync(postgres, $"CREATE DATABASE {name}");
            connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 100 }.ConnectionString;
            drop = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Cohort"] = connection,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddCohortCore(configuration);
        collection.AddCohortDemo();
        collection.AddSingleton(TimeProvider.System);
        collection.AddIdentityCore<CohortUser>(AccountPolicy.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<CohortDbContext>();
        if (keep is not null)
        {
            // Kept: only the connections this process pooled are let go.
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                NpgsqlConnection.ClearAllPools();
                return Task.CompletedTask;
            };
        }

        var database = new RushDatabase(collection.BuildServiceProvider(), drop, connection, postgres is not null);
        if (!empty)
        {
            await database.RunAsync<DatabaseMigrator, IReadOnlyList<string>>(m => m.MigrateAsync());
            await database.RunAsync<DemoSeason, bool>(s => s.SeedAsync());
        }

        return database;
    }

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope, as one web request would.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await drop();
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
