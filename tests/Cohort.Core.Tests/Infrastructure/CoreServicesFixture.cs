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

/// <summary>
/// Cohort's domain services over a real, migrated database holding the demo season (and, in the activity fixtures, its
/// activity: applications, reviews, last season and its programme). The database is a copy of one the first fixture of
/// the test run seeded with these same services (<see cref="DatabaseTemplates"/>).
/// </summary>
public abstract class CoreServicesFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;
    private readonly List<ServiceProvider> instances = [];
    private ServiceProvider? services;

    public DatabaseProvider Provider => provider;

    /// <summary>The demo season's calendar: it was seeded on the day the clock starts.</summary>
    public static DemoCalendar Demo { get; } = new(new DateOnly(2027, 1, 20));

    /// <summary>The services' clock. It starts at noon on the demo's seeding day, when stages 1, 2 and 3 are all open.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(Demo.At(0, 12)));

    /// <summary>Settings the fixture's services read beside the database's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Whether the demo's activity is seeded too, as `Cohort:SeedDemoActivity` does in Development.</summary>
    protected virtual bool WithDemoActivity => false;

    public async ValueTask InitializeAsync()
    {
        database = await DatabaseTemplates.CopyAsync(provider, WithDemoActivity ? "core: demo season and activity" : "core: demo season", SeedAsync);
        services = NewInstance();
    }

    // The template is seeded as a fixture's own services would seed it: same clock start, links and registrations.
    private async Task SeedAsync(TestDatabase template)
    {
        await using var seeding = Instance(template, new SettableClock(Clock.GetUtcNow()));
        await using var scope = seeding.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeason>().SeedAsync();
        if (WithDemoActivity)
        {
            await scope.ServiceProvider.GetRequiredService<DemoActivity>().SeedAsync();
        }
    }

    /// <summary>The services of the first instance, which migrated and seeded the database.</summary>
    public IServiceProvider Services => services!;

    /// <summary>
    /// Another instance of the services over the same database and clock, as a second web server would be; the
    /// fixture disposes it.
    /// </summary>
    public ServiceProvider NewInstance()
    {
        var instance = Instance(database ?? throw new InvalidOperationException("The fixture has not been initialised."), Clock);
        instances.Add(instance);
        return instance;
    }

    private ServiceProvider Instance(TestDatabase over, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Cohort"] = over.Connection,
        }).AddInMemoryCollection(Settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddCohortCore(configuration);
        collection.AddCohortDemo();
        collection.AddSingleton(clock);
        collection.AddSingleton<IAppLinks>(new TestLinks());
        collection.AddIdentityCore<CohortUser>(AccountPolicy.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<CohortDbContext>().AddCohortPasswordRules();
        collection.UseFastPasswordHashing();
        AddServices(collection);
        return collection.BuildServiceProvider();
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

        if (database is not null)
        {
            await database.DisposeAsync();
        }

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

/// <summary>
/// Services whose affinity is the keyword and tag points alone (the embedding's weight 0), so a test can work the
/// affinities of its instance out by hand: points / <see cref="Cohort.Core.Review.Affinity.Max"/>, then the bids' steps.
/// </summary>
public abstract class KeywordAffinityCore(DatabaseProvider provider) : CoreServicesFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{Cohort.Core.Review.AffinityBlendOptions.Section}:{nameof(Cohort.Core.Review.AffinityBlendOptions.EmbeddingWeight)}"] = "0",
    };
}

public sealed class SqliteKeywordCore() : KeywordAffinityCore(DatabaseProvider.Sqlite);

public sealed class PostgresKeywordCore() : KeywordAffinityCore(DatabaseProvider.Postgres);

public sealed class SqliteActivityCore() : CoreServicesFixture(DatabaseProvider.Sqlite)
{
    protected override bool WithDemoActivity => true;
}

public sealed class PostgresActivityCore() : CoreServicesFixture(DatabaseProvider.Postgres)
{
    protected override bool WithDemoActivity => true;
}
