using Cohort.Core.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cohort.Core.Data;

public static class DatabaseRegistration
{
    public const string DefaultSqliteConnection = "Data Source=data/cohort.db";

    /// <summary>Registers <see cref="CohortDbContext"/> on the configured provider, each with its own migration set, and <see cref="DatabaseMigrator"/>.</summary>
    public static IServiceCollection AddCohortDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Cohort");
        services.AddSettings<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section))
            .Check(options => Problems(options.Provider, connection));
        // The provider is read when the first context is made, after the start-up check, so a wrong value is
        // reported as a problem with the setting rather than thrown while services are being registered.
        services.AddDbContext<CohortDbContext>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider, connection));
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>Problems with the database settings, each naming its key. The connection string itself is never echoed: it may hold a password.</summary>
    private static IEnumerable<string> Problems(DatabaseProvider provider, string? connection)
    {
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            yield return $"{DatabaseOptions.Section}:Provider is Postgres but ConnectionStrings:Cohort is empty; set it, e.g. \"Host=127.0.0.1;Username=cohort;Password=...;Database=cohort\".";
            yield break;
        }

        string? problem = null;
        try
        {
            _ = provider == DatabaseProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(connection)
                : (System.Data.Common.DbConnectionStringBuilder)new SqliteConnectionStringBuilder(connection ?? DefaultSqliteConnection);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return $"ConnectionStrings:Cohort is not a valid {provider} connection string: {problem}";
        }
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
