using Cohort.Core.Accounts;
using Cohort.Core.Mail;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Mail;

/// <summary>
/// Mail that carries a live secret link (a reset, a confirmation, an invitation) is sensitive: no admin reads its body
/// in the outbox, and once sent the database keeps no copy of it. Other mail stays readable.
/// </summary>
public abstract class SensitiveMailTests(CohortApp app) : IAsyncLifetime
{
    private readonly LoopbackSmtp smtp = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A reset mail, an invitation and a confirmation, each to a fresh address, and a plain mail.</summary>
    private async Task<(string Reset, string Invited, string SignedUp, string Plain)> MailEachKindAsync()
    {
        var (reset, invited, signedUp, plain) = ($"reset-{Guid.NewGuid():N}@example.net", $"invited-{Guid.NewGuid():N}@example.net",
            $"signed-up-{Guid.NewGuid():N}@example.net", $"plain-{Guid.NewGuid():N}@example.net");
        using (var person = await app.SignUpAndConfirmAsync(reset))
        {
            await person.SubmitAsync(await person.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = reset });
        }

        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteReviewerAsync(invited);
        using (var stranger = app.NewBrowser())
        {
            await stranger.SignUpAsync(signedUp);
        }

        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { To = plain, Subject = "Plain news", Body = "Nothing secret here.", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        return (reset, invited, signedUp, plain);
    }

    private Task<List<OutboxMessage>> StoredAsync(params string[] to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => to.Contains(m.To)).ToListAsync());

    [Fact]
    public async Task The_outbox_page_never_shows_the_body_of_a_reset_confirmation_or_invitation_mail()
    {
        var (reset, invited, signedUp, plain) = await MailEachKindAsync();
        var secrets = (await StoredAsync(reset, invited, signedUp)).Where(m => m.SentAt is null && m.Sensitive).ToList();
        var links = new[]
        {
            await app.MailedLinkAsync(reset, "/account/reset-password"), await app.MailedLinkAsync(invited, "/account/invitation"),
            await app.MailedLinkAsync(signedUp, "/account/confirm-email"),
        };
        using var admin = await app.AsAsync(Roles.Admin);

        var pages = new List<Browser.Page> { await admin.GetAsync("/admin/outbox") };
        foreach (var message in secrets)
        {
            pages.Add(await admin.GetAsync($"/admin/outbox?id={message.Id}"));
        }

        var plainPage = await admin.GetAsync($"/admin/outbox?id={(await StoredAsync(plain)).Single().Id}");
        Assert.Equal(3, secrets.Select(m => m.To).Distinct().Count());
        Assert.All(pages.Skip(1), page => Assert.NotNull(page.One("#sensitive-body")));
        Assert.All(pages, page => Assert.All(links, link => Assert.DoesNotContain(System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!, page.Document.Source.Text, StringComparison.Ordinal)));
        Assert.Contains("Nothing secret here.", plainPage.One(".message-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sensitive_body_is_delivered_whole_and_then_blanked_in_the_database()
    {
        var (reset, invited, signedUp, plain) = await MailEachKindAsync();

        await LoopbackSmtp.DrainAsync(smtp.DispatcherFor(app));

        var delivered = smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == reset)).Select(m => m.TextBody ?? "").ToList();
        Assert.Contains(delivered, body => body.Contains("http://localhost/account/reset-password?", StringComparison.Ordinal));
        Assert.Contains(smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == invited) && (m.TextBody ?? "").Contains("http://localhost/account/invitation?token=", StringComparison.Ordinal));
        var stored = await StoredAsync(reset, invited, signedUp, plain);
        Assert.All(stored, m => Assert.NotNull(m.SentAt));
        Assert.All(stored.Where(m => m.To != plain), m => Assert.Equal((true, ""), (m.Sensitive, m.Body)));
        Assert.Equal("Nothing secret here.", stored.Single(m => m.To == plain).Body);
    }
}

public sealed class SensitiveMailOnSqlite(SqliteApp app) : SensitiveMailTests(app), IClassFixture<SqliteApp>;

public sealed class SensitiveMailOnPostgres(PostgresApp app) : SensitiveMailTests(app), IClassFixture<PostgresApp>;
