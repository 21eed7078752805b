using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Mail;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Mail;

/// <summary>A message that cannot be sent fails with its reason without holding up the rest; admins retry or cancel it.</summary>
public abstract class FailedMailTests(CohortApp app) : IAsyncLifetime
{
    private const string Unparsable = "not an address";

    private readonly LoopbackSmtp smtp = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<long> EnqueueAsync(string to, string subject, DateTime? failedAt = null) => app.WithDbAsync(async db =>
    {
        var message = new OutboxMessage
        {
            To = to, Subject = subject, Body = "Hello.", CreatedAt = DateTime.UtcNow,
            FailedAt = failedAt, Attempts = failedAt is null ? 0 : 8, LastError = failedAt is null ? null : "Cannot be sent: the server said no.",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<OutboxMessage> StoredAsync(long id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private bool WasReceived(string subject) => smtp.Received.Any(m => m.Subject == subject);

    [Fact]
    public async Task A_message_with_an_unparsable_address_is_marked_failed_with_its_reason_and_the_next_message_is_still_sent()
    {
        var subject = $"Poison {Guid.NewGuid():N}";
        var poison = await EnqueueAsync(Unparsable, $"{subject} bad");
        var good = await EnqueueAsync("next@example.net", $"{subject} good");
        var dispatcher = smtp.DispatcherFor(app);

        await LoopbackSmtp.DrainAsync(dispatcher);
        await LoopbackSmtp.DrainAsync(dispatcher);

        var failed = await StoredAsync(poison);
        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains($"the address '{Unparsable}' is not a mail address", failed.LastError, StringComparison.Ordinal);
        Assert.NotNull((await StoredAsync(good)).SentAt);
        Assert.True(WasReceived($"{subject} good"));
        Assert.False(WasReceived($"{subject} bad"));
    }

    [Fact]
    public async Task An_admin_sees_why_a_message_failed_and_retrying_it_through_the_page_queues_it_again_and_it_is_sent()
    {
        var subject = $"Retry {Guid.NewGuid():N}";
        var id = await EnqueueAsync("retry@example.net", subject, failedAt: DateTime.UtcNow);
        using var admin = await app.AsAsync(Roles.Admin);
        var outbox = await admin.GetAsync("/admin/outbox");

        var retried = await admin.SubmitAsync(outbox, $"#retry-{id.ToString(CultureInfo.InvariantCulture)}", new Dictionary<string, string>());
        var queued = await StoredAsync(id);
        await LoopbackSmtp.DrainAsync(smtp.DispatcherFor(app));

        Assert.Contains("Cannot be sent: the server said no.", outbox.Text, StringComparison.Ordinal);
        Assert.Contains("was queued again", retried.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((null, 0, null), (queued.FailedAt, queued.Attempts, queued.NextAttemptAt));
        Assert.True(WasReceived(subject));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "outbox.retried" && e.Subject == $"outbox:{id}")));
    }

    [Fact]
    public async Task An_admin_cancelling_a_failed_message_through_the_page_means_it_is_never_sent()
    {
        var subject = $"Cancel {Guid.NewGuid():N}";
        var id = await EnqueueAsync("cancel@example.net", subject, failedAt: DateTime.UtcNow);
        using var admin = await app.AsAsync(Roles.Admin);
        var outbox = await admin.GetAsync("/admin/outbox");

        var cancelled = await admin.SubmitAsync(outbox, $"#cancel-{id.ToString(CultureInfo.InvariantCulture)}", new Dictionary<string, string>());
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, (DateTime?)null).SetProperty(m => m.Attempts, 0)));
        await LoopbackSmtp.DrainAsync(smtp.DispatcherFor(app));

        Assert.Contains("will not be sent", cancelled.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await StoredAsync(id)).CancelledAt);
        Assert.False(WasReceived(subject));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "outbox.cancelled" && e.Subject == $"outbox:{id}")));
    }

    [Fact]
    public async Task A_message_that_has_not_failed_is_left_as_it_is_by_a_retry()
    {
        var id = await EnqueueAsync("pending@example.net", $"Pending {Guid.NewGuid():N}");
        using var admin = await app.AsAsync(Roles.Admin);

        var refused = await admin.PostAsAsync("/admin/outbox?handler=Cancel", new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(302, refused.Status);
        Assert.Null((await StoredAsync(id)).CancelledAt);
    }
}

public sealed class FailedMailOnSqlite(SqliteApp app) : FailedMailTests(app), IClassFixture<SqliteApp>;

public sealed class FailedMailOnPostgres(PostgresApp app) : FailedMailTests(app), IClassFixture<PostgresApp>;
