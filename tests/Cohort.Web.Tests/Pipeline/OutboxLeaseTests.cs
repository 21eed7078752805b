using System.Globalization;
using Cohort.Core.Mail;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Pipeline;

/// <summary>Several web instances share one database: each outbox message is claimed by one of them and sent once.</summary>
public abstract class OutboxLeaseTests(CohortApp app) : IAsyncLifetime
{
    private readonly LoopbackSmtp smtp = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private OutboxDispatcher NewInstance() => smtp.DispatcherFor(app, new MailOptions { Security = MailSecurity.None, BatchSize = 4 });

    private Task<List<long>> EnqueueAsync(string subject, int count) => app.WithDbAsync(async db =>
    {
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            To = $"lease-{i}@example.net", Subject = $"{subject} {i.ToString(CultureInfo.InvariantCulture)}", Body = "Once only.", CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    });

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while (await dispatcher.SendPendingAsync(CancellationToken.None) > 0)
        {
            await Task.Yield();
        }
    }

    private List<string> Received(string subject) =>
        smtp.Received.Select(m => m.Subject ?? "").Where(s => s.StartsWith(subject, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Two_instances_racing_over_one_outbox_send_every_message_exactly_once()
    {
        var subject = $"Race {Guid.NewGuid():N}";
        var ids = await EnqueueAsync(subject, 30);
        var first = NewInstance();
        var second = NewInstance();

        await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        var received = Received(subject);
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Distinct().Count());
        var stored = await app.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.All(stored, m => Assert.Equal((true, 1), (m.SentAt is not null, m.Attempts)));
        Assert.All(stored, m => Assert.True(m.ClaimedBy!.StartsWith(first.InstanceId, StringComparison.Ordinal) || m.ClaimedBy.StartsWith(second.InstanceId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Mail_claimed_by_an_instance_that_died_waits_for_its_lease_to_end_and_sent_mail_is_never_resent()
    {
        var subject = $"Crash {Guid.NewGuid():N}";
        var ids = await EnqueueAsync(subject, 2);
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "dead-instance").SetProperty(m => m.ClaimedUntil, DateTime.UtcNow.AddMinutes(5))));
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow)));
        var survivor = NewInstance();

        await DrainAsync(survivor);
        var whileLeased = Received(subject);
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, DateTime.UtcNow.AddSeconds(-1))));
        await DrainAsync(survivor);
        await DrainAsync(survivor);

        Assert.Empty(whileLeased);
        Assert.Equal([$"{subject} 0"], Received(subject));
    }
}

public sealed class OutboxLeaseOnSqlite(SqliteApp app) : OutboxLeaseTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxLeaseOnPostgres(PostgresApp app) : OutboxLeaseTests(app), IClassFixture<PostgresApp>;
