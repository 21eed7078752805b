using Cohort.Core;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Infrastructure;

/// <summary>Cohort's domain services over a real, migrated database holding the demo season.</summary>
public abstract class CoreServicesFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);
    private readonly List<ServiceProvider> instances = [];
    private ServiceProvider? services;

    public DatabaseProvider Provider => provider;

    /// <summary>The demo season's calendar: it was seeded on the day the clock starts.</summary>
    public static DemoCalendar Demo { get; } = new(new DateOnly(2027, 1, 20));

    /// <summary>The services' clock. It starts at noon on the demo's seeding day, when stages 1, 2 and 3 are all open.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(Demo.At(0, 12)));

    public async ValueTask InitializeAsync()
    {
        services = NewInstance();
        await RunAsync<DatabaseMigrator, IReadOnlyList<string>>(m => m.MigrateAsync());
        await RunAsync<DemoSeason, bool>(s => s.SeedAsync());
    }

    /// <summary>The services of the first instance, which migrated and seeded the database.</summary>
    public IServiceProvider Services => services!;

    /// <summary>
    /// Another instance of the services over the same database and clock, as a second web server would be; the
    /// fixture disposes it.
    /// </summary>
    public ServiceProvider NewInstance()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Cohort"] = database.Connection,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddCohortCore(configuration);
        collection.AddCohortDemo();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<IAppLinks>(new TestLinks());
        collection.AddIdentityCore<CohortUser>(AccountPolicy.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<CohortDbContext>().AddCohortPasswordRules();
        AddServices(collection);
        var instance = collection.BuildServiceProvider();
        instances.Add(instance);
        return instance;
    }

    /// <summary>What a fixture adds to every instance's services (test jobs, say).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
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
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Links as the web host builds them, from a fixed public origin.</summary>
public sealed class TestLinks : IAppLinks
{
    public const string Origin = "https://cohort.test";

    public string Link(string path) => Origin + path;
}

public sealed class SqliteCore() : CoreServicesFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCore() : CoreServicesFixture(DatabaseProvider.Postgres);
