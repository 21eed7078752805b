using Cohort.Demo;
using Microsoft.Playwright;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// The demo as a newcomer starts it (`dotnet run --project src/Cohort.Web`): a fresh SQLite file, the demo season
/// and its activity seeded at start, mail kept in the outbox, the clock at today and never moved. One headless
/// chromium for the class. Apps are started on first use and kept by name: journeys that can walk again on the
/// same demo (a new account each time) share one; a journey that changes the demo for good (publishing the match,
/// accepting the offer) asks for an app of its own per viewport.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    private readonly Dictionary<string, LiveCohortApp> apps = [];
    private readonly SemaphoreSlim starting = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>The demo app called <paramref name="name"/>, started with its demo activity on first use.</summary>
    public async Task<LiveCohortApp> AppAsync(string name = "shared")
    {
        await starting.WaitAsync();
        try
        {
            if (!apps.TryGetValue(name, out var app))
            {
                // The settings appsettings.Development.json gives `dotnet run`: the demo season with its activity.
                app = new LiveCohortApp([new("Cohort:SeedDemoActivity", "true")]);
                await app.StartAsync();
                apps[name] = app;
            }

            return app;
        }
        finally
        {
            starting.Release();
        }
    }

    /// <summary>A journey in a fresh browser context (no cookies) at <paramref name="viewport"/>, on the app called <paramref name="app"/>.</summary>
    public async Task<Journey> StartAsync(Viewport viewport, string app = "shared")
    {
        var live = await AppAsync(app);
        var context = await (browser ?? throw new InvalidOperationException("The browser has not been launched.")).NewContextAsync(new()
        {
            BaseURL = live.Address.ToString(),
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            Locale = "en-GB",
        });
        return await Journey.OpenAsync(live, context, viewport);
    }

    /// <summary>The demo applicant who reached stage 3 and is placed by the match.</summary>
    public static DemoAccount StreamsStageApplicant => DemoActivity.StreamsStageApplicant;

    /// <summary>The demo account of <paramref name="role"/>, as the console prints it at start.</summary>
    public static DemoAccount Account(string role) => DemoSeason.Accounts.First(a => a.Role == role);

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var app in apps.Values)
        {
            await app.DisposeAsync();
        }

        starting.Dispose();
    }
}
