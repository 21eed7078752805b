using Cohort.Core.Accounts;
using Cohort.Demo;
using Cohort.Web.Tests.Hosting;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Mail;

/// <summary>
/// `dotnet run` has no mail server, so the outbox is the only mailbox: a newcomer trying sign-up on the demo must be
/// able to read their confirmation link there. Outside Development the same body stays hidden (SensitiveMailTests).
/// </summary>
public sealed class DevelopmentMailboxTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    private Browser PlainHttpBrowser() => new(app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
    }));

    [Fact]
    public async Task In_development_a_newcomer_is_told_where_the_mail_waits_and_the_admin_outbox_shows_the_confirmation_link()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.net";
        using var newcomer = PlainHttpBrowser();
        var told = await newcomer.SignUpAsync(email);
        Assert.NotNull(told.One("#development-mailbox"));

        var admin = DemoSeason.Accounts.Single(a => a.Role == Roles.Admin);
        using var adminBrowser = PlainHttpBrowser();
        await adminBrowser.SubmitAsync(await adminBrowser.GetAsync("/account/sign-in"), "main form",
            new Dictionary<string, string> { ["Input.Email"] = admin.Email, ["Input.Password"] = admin.Password }, follow: false);
        var id = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).Select(m => m.Id).SingleAsync());
        var message = await adminBrowser.GetAsync($"/admin/outbox?id={id}");

        Assert.NotNull(message.One("#sensitive-shown"));
        var link = await app.MailedLinkAsync(email, "/account/confirm-email");
        Assert.Contains(link.ToString(), message.One("pre.message-body")!.TextContent, StringComparison.Ordinal);
    }
}
