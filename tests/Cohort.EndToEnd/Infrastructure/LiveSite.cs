using Microsoft.Playwright;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// One running app and one headless chromium, shared by the tests of a class. Each test opens its own
/// browser context (cookies, storage and viewport of its own) with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public LiveCohortApp App { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public async ValueTask InitializeAsync()
    {
        await App.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A fresh browser context whose relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = App.Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
        });

    /// <summary>The public stream list as the JSON API reports it: the reference the pages are checked against.</summary>
    public Task<IReadOnlyList<StreamSummary>> StreamsFromApiAsync() => App.StreamsFromApiAsync();

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>One entry of /api/streams, read independently of the app's own types.</summary>
public sealed record StreamSummary(string Slug, string Name, string Topic, bool Coalition, IReadOnlyList<string> Mentors, string Url);
