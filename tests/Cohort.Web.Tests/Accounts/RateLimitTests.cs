using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Accounts;

public sealed class RateLimitedApp() : CohortApp(DatabaseProvider.Sqlite)
{
    public const int Permits = 3;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Cohort:RateLimit:PermitsPerMinute", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Sign_in_attempts_past_the_limit_are_refused_with_a_message()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/account/sign-in");
        var fields = new Dictionary<string, string> { ["Input.Email"] = "guess@example.net", ["Input.Password"] = "a wrong guess" };
        for (var attempt = 0; attempt < RateLimitedApp.Permits; attempt++)
        {
            Assert.Equal(200, (await browser.SubmitAsync(form, "main form", fields, follow: false)).Status);
        }

        var refused = await browser.SubmitAsync(form, "main form", fields, follow: false);
        Assert.Equal(429, refused.Status);
        Assert.Contains("Too many attempts", await refused.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (await browser.GetAsync("/account/sign-in")).Status); // reading the form stays free
    }
}
