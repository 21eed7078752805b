using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Cohort.EndToEnd.Hosting;

/// <summary>
/// The app behind a real nginx that ends TLS, with the site operators install (deploy/nginx/cohort.conf), reached by the name people would use
/// (cohort.test, mapped to 127.0.0.1 for chromium) rather than localhost, which browsers and HSTS treat specially.
/// </summary>
public sealed class ProxiedSite : IAsyncLifetime
{
    public const string Host = "cohort.test";
    public const int AccountPermits = 3;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public LiveCohortApp App { get; } = new(
    [
        new("Cohort:PublicBaseUrl", $"https://{Host}/"),
        new("Cohort:RateLimit:PermitsPerMinute", AccountPermits.ToString(CultureInfo.InvariantCulture)),
    ]);

    public Nginx Proxy { get; private set; } = null!;

    public Uri Address => new($"https://{Host}:{Proxy.Port}/");

    public async ValueTask InitializeAsync()
    {
        await App.StartAsync();
        Proxy = await Nginx.StartAsync(Host, [App.Address]);
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright, $"--host-resolver-rules=MAP {Host} 127.0.0.1", "--ignore-certificate-errors");
    }

    public Task<IBrowserContext> NewContextAsync() =>
        browser!.NewContextAsync(new() { BaseURL = Address.ToString(), IgnoreHTTPSErrors = true, Locale = "en-GB" });

    /// <summary>An HTTP client whose connections to nginx leave from <paramref name="localAddress"/>, so the app sees a client of that address.</summary>
    public HttpClient ClientFrom(string localAddress) => Proxy.ClientFrom(localAddress, Host);

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        Proxy?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class BehindNginxTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    [Fact]
    public async Task Behind_nginx_https_pages_carry_hsts_and_every_cookie_is_secure_and_host_prefixed()
    {
        var applicant = DemoSeason.Accounts.Single(a => a.Role == Roles.Applicant);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/account/sign-in");
        await SiteAccounts.SignInAsync(page, applicant.Email, applicant.Password);
        var cookies = await context.CookiesAsync();

        Assert.Equal(200, response?.Status);
        // Sent only because the app believed nginx's X-Forwarded-Proto: the app itself speaks plain http.
        Assert.Equal("max-age=31536000; includeSubDomains", (await response!.AllHeadersAsync())["strict-transport-security"]);
        Assert.Contains(cookies, c => c.Name == "__Host-cohort.auth");
        Assert.Contains(cookies, c => c.Name == "__Host-cohort.antiforgery");
        Assert.All(cookies, cookie =>
        {
            Assert.StartsWith("__Host-", cookie.Name, StringComparison.Ordinal);
            Assert.True(cookie.Secure, cookie.Name);
            Assert.True(cookie.HttpOnly, cookie.Name);
            Assert.Equal("/", cookie.Path);
            Assert.Equal(ProxiedSite.Host, cookie.Domain);
        });
    }

    private static async Task<int> SignInAttemptAsync(HttpClient client, string? forgedForwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "account/sign-in") { Content = new FormUrlEncodedContent([]) };
        if (forgedForwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forgedForwardedFor);
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Two_clients_behind_nginx_are_rate_limited_each_on_its_own_address()
    {
        using var first = site.ClientFrom("127.0.0.2");
        using var second = site.ClientFrom("127.0.0.3");
        for (var attempt = 0; attempt < ProxiedSite.AccountPermits; attempt++)
        {
            Assert.NotEqual(429, await SignInAttemptAsync(first));
        }

        Assert.Equal(429, await SignInAttemptAsync(first));
        Assert.NotEqual(429, await SignInAttemptAsync(second));
    }

    [Fact]
    public async Task A_client_forging_x_forwarded_for_through_nginx_is_still_limited_on_its_own_address()
    {
        using var client = site.ClientFrom("127.0.0.4");
        for (var attempt = 0; attempt < ProxiedSite.AccountPermits; attempt++)
        {
            Assert.NotEqual(429, await SignInAttemptAsync(client, $"198.51.100.{attempt}"));
        }

        Assert.Equal(429, await SignInAttemptAsync(client, "198.51.100.200"));
    }
}
