using System.Reflection;
using Cohort.Core.Data;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app over a real database, with the demo season seeded, for HTTP-level tests. Where a fixture changes
/// nothing but settings, its database is a copy of one this same app seeded once for the test run
/// (<see cref="DatabaseTemplates"/>, keyed by the settings): the seed is then found in place at start, and skipped.
/// </summary>
public class CohortApp(DatabaseProvider provider, TestDatabase? shared = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    // A shared database belongs to the test that made it, which outlives this app (restart tests).
    private readonly bool ownsDatabase = shared is null;
    private TestDatabase? database = shared;

    public DatabaseProvider Provider => provider;
    public TestDatabase Database => database ??= TestDatabase.Create(provider);

    /// <summary>The demo season's calendar: the app seeds it on the day the clock starts.</summary>
    public static DemoCalendar Demo { get; } = new(new DateOnly(2027, 1, 20));

    /// <summary>The app's clock, settable by tests; it starts at noon on the demo's seeding day, when stages 1, 2 and 3 are all open.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(Demo.At(0, 12)));

    /// <summary>Seed the demo season at start, as Development does. A Production-like start turns it off.</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>Extra settings a fixture may add (e.g. a low rate limit, an SMTP server).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder, Database.Connection);

    private void Configure(IWebHostBuilder builder, string connection)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Cohort", connection);
        builder.UseSetting("Cohort:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Cohort:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("Cohort:RateLimit:PermitsPerMinute", "10000");
        // Tests move the clock by days and months with people signed in, and sign admins in with a password alone;
        // the sign-in tests turn both back on in a fixture of their own.
        builder.UseSetting("Cohort:SessionLifetime", "3650.00:00:00");
        builder.UseSetting("Cohort:RequireAdminTwoFactor", "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.UseFastPasswordHashing();
        });
        // Jobs run by hand in the tests that are about them (JobRunner.RunDueAsync), so a job never changes what
        // another test counts; a fixture that needs the host on says so in its settings.
        builder.UseSetting("Jobs:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // Settings, not ConfigureLogging: appsettings.json's levels would override a filter set in code. The console's
        // own rules too: appsettings.json logs every sign-in, and a failing run prints the test process's whole
        // console, which buried the failure under thousands of sign-in lines. A rule naming the console outranks every
        // rule that names none, so the console needs each quieter category again.
        foreach (var scope in new[] { "Logging", "Logging:Console" })
        {
            builder.UseSetting($"{scope}:LogLevel:Default", "Warning");
            builder.UseSetting($"{scope}:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            builder.UseSetting($"{scope}:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (database is null && SeedDemo && ConfiguresOnlySettings)
        {
            database = await DatabaseTemplates.CopyAsync(provider, AppSeeding.Key("web", Settings),
                template => AppSeeding.SeedByStartingAsync(template, Configure));
        }

        // Starting the server runs the migrations and the seed before any test sends a request.
        _ = Server;
    }

    // A fixture that overrides ConfigureWebHost may register services that see or shape the seed (log sinks, a mail
    // server, another environment), so it seeds its own database as before.
    private bool ConfiguresOnlySettings =>
        GetType().GetMethod(nameof(ConfigureWebHost), BindingFlags.Instance | BindingFlags.NonPublic)!.DeclaringType == typeof(CohortApp);

    /// <summary>Runs <paramref name="work"/> against the app's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<CohortDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CohortDbContext>());
    }

    /// <summary>
    /// A browser on https, as people reach Cohort: its cookies are Secure outside Development, and a client, like a
    /// browser, sends those over https only.
    /// </summary>
    public Browser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    }));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null && ownsDatabase)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : CohortApp(DatabaseProvider.Sqlite);

/// <summary>
/// The app with the affinity as keyword and tag points alone (the embedding's weight 0), so a test can work its
/// instance's affinities out by hand: points / 10, then the bids' steps.
/// </summary>
public abstract class KeywordAffinityApp(DatabaseProvider provider) : CohortApp(provider)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new($"{Cohort.Core.Review.AffinityBlendOptions.Section}:{nameof(Cohort.Core.Review.AffinityBlendOptions.EmbeddingWeight)}", "0")];
}

public sealed class SqliteKeywordApp() : KeywordAffinityApp(DatabaseProvider.Sqlite);

public sealed class PostgresKeywordApp() : KeywordAffinityApp(DatabaseProvider.Postgres);

public sealed class PostgresApp() : CohortApp(DatabaseProvider.Postgres);
