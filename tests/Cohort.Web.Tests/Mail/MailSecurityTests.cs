using Cohort.Core.Mail;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Tests.Mail;

/// <summary>
/// A real SMTP server that offers no STARTTLS, as when an attacker on the path strips it: mail that was asked to
/// travel encrypted is not sent at all, and waits in the outbox with the reason.
/// </summary>
public abstract class MailSecurityTests(CohortApp app) : IAsyncLifetime
{
    private readonly LoopbackSmtp smtp = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<OutboxMessage> SendThroughAsync(MailOptions settings)
    {
        var subject = $"Encrypted {Guid.NewGuid():N}";
        var id = await app.WithDbAsync(async db =>
        {
            var message = new OutboxMessage { To = "tls@example.net", Subject = subject, Body = "A reset link.", CreatedAt = DateTime.UtcNow };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        settings.BatchSize = 10_000;

        await smtp.DispatcherFor(app, settings).SendPendingAsync(CancellationToken.None);

        Assert.DoesNotContain(smtp.Received, m => m.Subject == subject);
        return await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
    }

    [Fact]
    public async Task With_RequireTls_a_server_without_starttls_gets_nothing_and_the_mail_waits_with_the_reason()
    {
        var message = await SendThroughAsync(new MailOptions { Security = MailSecurity.RequireTls });

        Assert.Null(message.SentAt);
        Assert.Contains("does not offer STARTTLS", message.LastError, StringComparison.Ordinal);
        Assert.Contains("RequireTls", message.LastError, StringComparison.Ordinal);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.ClaimedUntil);
    }

    [Fact]
    public async Task RequireTls_is_the_default()
    {
        Assert.Equal(MailSecurity.RequireTls, new MailOptions().Security);
        Assert.Equal(MailSecurity.RequireTls, app.Services.GetRequiredService<IOptions<MailOptions>>().Value.Security);

        var message = await SendThroughAsync(new MailOptions());

        Assert.Null(message.SentAt);
        Assert.Contains("STARTTLS", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Auto_a_password_is_never_sent_to_a_server_without_starttls()
    {
        var message = await SendThroughAsync(new MailOptions { Security = MailSecurity.Auto, SmtpUser = "cohort", SmtpPassword = "secret" });

        Assert.Null(message.SentAt);
        Assert.Contains("plain text", message.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp.example.org", MailSecurity.None, true)]
    [InlineData("127.0.0.1", MailSecurity.None, false)]
    [InlineData("smtp.example.org", MailSecurity.RequireTls, false)]
    public void A_password_over_plain_text_to_another_machine_is_refused_at_start(string host, MailSecurity security, bool refused)
    {
        var problems = MailOptions.Problems(new MailOptions { SmtpHost = host, Security = security, SmtpUser = "cohort", SmtpPassword = "secret" });

        Assert.Equal(refused, problems.Any(p => p.StartsWith("Mail:Security is None", StringComparison.Ordinal)));
    }
}

public sealed class MailSecurityOnSqlite(SqliteApp app) : MailSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class MailSecurityOnPostgres(PostgresApp app) : MailSecurityTests(app), IClassFixture<PostgresApp>;
