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
/// temp folder, or a new database on the PostgreSQL server named by a connection string. Dropped when disposed.
/// </summary>
internal sealed class RushDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly Func<Task> drop;

    private RushDatabase(ServiceProvider services, Func<Task> drop)
    {
        this.services = services;
        this.drop = drop;
    }

    /// <param name="empty">Leave the database empty (not even migrated), e.g. to restore a backup into.</param>
    public static async Task<RushDatabase> CreateAsync(string? postgres, bool empty = false)
    {
        var name = $"cohort_rush_{Guid.NewGuid():N}";
        string connection;
        Func<Task> drop;
        if (postgres is null)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
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
        }
        else
        {
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
        var database = new RushDatabase(collection.BuildServiceProvider(), drop);
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
