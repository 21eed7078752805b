using System.Net;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Hosting;

/// <summary>An app whose public address differs from the one the tests reach it at, as behind a proxy.</summary>
public sealed class PublicOriginApp() : CohortApp(DatabaseProvider.Sqlite)
{
    public const string BaseUrl = "https://apply.example.org/halyard/";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Cohort:PublicBaseUrl", BaseUrl)];
}

public sealed class PublicOriginTests(PublicOriginApp app) : IClassFixture<PublicOriginApp>
{
    private static readonly string MentorEmail = DemoSeason.Accounts.Single(a => a.Role == Roles.Mentor).Email;

    private async Task<HttpResponseMessage> AskForResetAsync(string? host)
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/account/forgot-password");
        var token = form.One("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = MentorEmail, ["__RequestVerificationToken"] = token }),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await browser.Client.SendAsync(request);
    }

    private Task<List<string>> ResetMailsAsync() =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == MentorEmail).Select(m => m.Body).ToListAsync());

    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_is_refused_and_mails_nothing()
    {
        var before = (await ResetMailsAsync()).Count;

        using var response = await AskForResetAsync("attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await ResetMailsAsync()).Count);
    }

    [Fact]
    public async Task A_reset_link_is_built_from_the_configured_public_address_not_the_request()
    {
        using var response = await AskForResetAsync("127.0.0.1");

        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        var mail = Assert.Single(await ResetMailsAsync(), body => body.Contains("reset-password", StringComparison.Ordinal));
        Assert.Contains(PublicOriginApp.BaseUrl + "account/reset-password?", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", mail, StringComparison.Ordinal);
    }
}
