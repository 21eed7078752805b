using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Tests.Hosting;

public sealed class SecureCookieTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly DemoAccount Applicant = DemoSeason.Accounts.Single(a => a.Role == Roles.Applicant);

    internal static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static string TokenOn(Browser.Page page) =>
        page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Every_cookie_set_while_signing_in_posting_and_signing_out_is_secure_http_only_and_host_prefixed()
    {
        using var browser = app.NewBrowser();
        var cookies = new List<string>();
        var form = await browser.GetAsync("/account/sign-in");
        cookies.AddRange(SetCookies(form.Response));
        var signedIn = await browser.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = Applicant.Email, ["Input.Password"] = Applicant.Password,
        }, follow: false);
        cookies.AddRange(SetCookies(signedIn.Response));
        var portal = await browser.GetAsync("/portal");
        // A withdrawal posted without its confirmation is refused with a notice, which travels in TempData.
        using var answered = await browser.Client.PostAsync("/portal/withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOn(portal),
        }));
        cookies.AddRange(SetCookies(answered));
        var shown = await browser.GetAsync("/portal");
        cookies.AddRange(SetCookies(shown.Response));
        using var signedOut = await browser.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOn(shown),
        }));
        cookies.AddRange(SetCookies(signedOut));

        Assert.Equal(302, (int)answered.StatusCode);
        Assert.Contains(cookies, c => c.StartsWith("__Host-cohort.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-cohort.antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-cohort.tempdata=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("path=/", attributes);
            Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_form_on_plain_http_loopback_still_renders_and_its_antiforgery_cookie_is_secure()
    {
        using var browser = new Browser(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }));

        var form = await browser.GetAsync("/account/sign-in");

        Assert.Equal(200, form.Status);
        var antiforgery = Assert.Single(SetCookies(form.Response), c => c.StartsWith("__Host-cohort.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery.Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()));
    }

    [Fact]
    public async Task Every_cookie_scheme_and_the_antiforgery_and_tempdata_cookies_are_configured_secure_and_host_prefixed()
    {
        var schemes = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        var cookieSchemes = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        var cookies = schemes.Where(s => s.HandlerType == typeof(CookieAuthenticationHandler))
            .Select(s => (Scheme: s.Name, Cookie: cookieSchemes.Get(s.Name).Cookie))
            .Append((Scheme: "antiforgery", Cookie: app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie))
            .Append((Scheme: "tempdata", Cookie: app.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie))
            .ToList();

        var policy = app.Services.GetRequiredService<IOptions<CookiePolicyOptions>>().Value;

        // Identity's sign-in, external and two second-factor cookies, then antiforgery and TempData.
        Assert.True(cookies.Count >= 6, string.Join(", ", cookies.Select(c => c.Scheme)));
        Assert.All(cookies, named =>
        {
            var (scheme, cookie) = named;
            Assert.True(cookie.Name!.StartsWith("__Host-", StringComparison.Ordinal), $"{scheme}: {cookie.Name}");
            Assert.NotEqual(CookieSecurePolicy.None, cookie.SecurePolicy);
            Assert.Equal("/", cookie.Path);
            Assert.Null(cookie.Domain);
            Assert.True(cookie.HttpOnly, scheme);
        });
        // The policy makes every cookie Secure and HttpOnly whatever the request, the antiforgery cookie included.
        Assert.Equal(CookieSecurePolicy.Always, policy.Secure);
        Assert.Equal(Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always, policy.HttpOnly);
    }
}

/// <summary>The app as `dotnet run` starts it: Development, on plain http.</summary>
public sealed class DevelopmentApp() : CohortApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Cohort:SeedDemoActivity", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("environment", "Development");
    }
}

public sealed class DevelopmentCookieTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Fact]
    public async Task In_development_signing_in_works_over_plain_http_with_plain_cookies()
    {
        var applicant = DemoSeason.Accounts.Single(a => a.Role == Roles.Applicant);
        using var browser = new Browser(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
        }));

        var signedIn = await browser.SubmitAsync(await browser.GetAsync("/account/sign-in"), "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = applicant.Email, ["Input.Password"] = applicant.Password,
        }, follow: false);

        Assert.Equal(302, signedIn.Status);
        var auth = Assert.Single(SecureCookieTests.SetCookies(signedIn.Response), c => c.StartsWith("cohort.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await browser.GetAsync("/portal")).Status);
    }
}
