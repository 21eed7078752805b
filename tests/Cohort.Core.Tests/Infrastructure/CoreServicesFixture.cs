using Cohort.Core;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Core.Seeding;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Infrastructure;

/// <summary>Cohort's domain services over a real, migrated database holding the demo season.</summary>
public abstract class CoreServicesFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);
    private ServiceProvider? services;

    public DatabaseProvider Provider => provider;

    /// <summary>The services' clock. It starts in the demo season's stage 1 window, before the deadline.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(2027, 1, 20, 12, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Cohort"] = database.Connection,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddCohortCore(configuration);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddIdentityCore<CohortUser>(AccountPolicy.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<CohortDbContext>().AddCohortPasswordRules();
        services = collection.BuildServiceProvider();
        await RunAsync<DatabaseMigrator, IReadOnlyList<string>>(m => m.MigrateAsync());
        await RunAsync<DemoSeason, bool>(s => s.SeedAsync());
    }

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope, as one request would.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = services!.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCore() : CoreServicesFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCore() : CoreServicesFixture(DatabaseProvider.Postgres);
