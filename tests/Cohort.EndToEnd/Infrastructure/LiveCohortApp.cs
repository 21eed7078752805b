using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// The whole web app served by Kestrel on a free loopback port, over a fresh SQLite file with the demo season
/// seeded, so a real browser can reach it. Settings mirror Cohort.Web.Tests' CohortApp: same keys, set with
/// UseSetting so appsettings.json cannot override them. The database is a copy of one this same app seeded once for
/// the test run and day (<see cref="DatabaseTemplates"/>, keyed by the settings): the seed is found in place at start.
/// </summary>
public sealed class LiveCohortApp : WebApplicationFactory<Program>
{
    private TestDatabase? database;

    private readonly IEnumerable<KeyValuePair<string, string>> settings;

    /// <param name="settings">Settings on top of the defaults below, e.g. a public address behind a proxy.</param>
    public LiveCohortApp(IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        this.settings = settings ?? [];
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// The app's clock. It starts at the real time and stands still until a test moves it, so a journey can walk
    /// through the season's stages (months apart) and "minutes left" reads the same on every run.
    /// </summary>
    public SettableClock Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:40123/; set by <see cref="Start"/>.</summary>
    public Uri Address { get; private set; } = new("http://unstarted.invalid/");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        Configure(builder, (database ?? throw new InvalidOperationException("Start the app with StartAsync.")).Connection);

    private void Configure(IWebHostBuilder builder, string connection)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("ConnectionStrings:Cohort", connection);
        builder.UseSetting("Cohort:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Cohort:SeedDemo", "true");
        builder.UseSetting("Cohort:RateLimit:PermitsPerMinute", "10000");
        // Tests move the clock by days and months with people signed in, and sign admins in with a password alone;
        // the sign-in tests turn both back on in a fixture of their own.
        builder.UseSetting("Cohort:SessionLifetime", "3650.00:00:00");
        builder.UseSetting("Cohort:RequireAdminTwoFactor", "false");
        // Journeys move the clock past deadlines and read the mail they expect: a job lapsing offers or queuing
        // reminders between two steps would change what they see. Jobs have tests of their own.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Copies the seeded database, starts Kestrel (which finds the migrations and the seed done) and reads the port it was given.</summary>
    public async Task StartAsync()
    {
        var day = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        database = await DatabaseTemplates.CopyAsync(DatabaseProvider.Sqlite, AppSeeding.Key($"e2e on {day:yyyy-MM-dd}", settings),
            template => AppSeeding.SeedByStartingAsync(template, Configure));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<CohortDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CohortDbContext>());
    }

    /// <summary>The public stream list as the JSON API reports it: the reference the pages are checked against.</summary>
    public async Task<IReadOnlyList<StreamSummary>> StreamsFromApiAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var streams = await http.GetFromJsonAsync<List<StreamSummary>>("api/streams", new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return streams ?? throw new InvalidOperationException("/api/streams returned null.");
    }

    public Task<Season?> CurrentSeasonAsync() => WithDbAsync(db => db.Seasons.CurrentAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
