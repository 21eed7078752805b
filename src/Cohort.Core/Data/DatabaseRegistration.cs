using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Data;

public static class DatabaseRegistration
{
    public const string DefaultSqliteConnection = "Data Source=data/cohort.db";

    /// <summary>Registers <see cref="CohortDbContext"/> on the configured provider, each with its own migration set.</summary>
    public static IServiceCollection AddCohortDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = configuration.GetConnectionString("Cohort");
        services.AddDbContext<CohortDbContext>(builder => Configure(builder, options.Provider, connection));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string? connection)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Cohort is empty. Set it, e.g. \"Host=127.0.0.1;Username=cohort;Password=...;Database=cohort\".");
                }

                builder.UseNpgsql(connection, npgsql => npgsql.MigrationsAssembly("Cohort.Migrations.Postgres").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                var sqlite = string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection;
                EnsureDirectoryFor(sqlite);
                builder.UseSqlite(sqlite, s => s.MigrationsAssembly("Cohort.Migrations.Sqlite").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SqlitePragmas());
                break;
        }
    }

    private static void EnsureDirectoryFor(string connection)
    {
        var path = new SqliteConnectionStringBuilder(connection).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory) && path != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
