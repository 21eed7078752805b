using System.Globalization;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Mail;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Mail;

/// <summary>Two Cohort servers over one database run the outbox job: every message reaches the SMTP server once.</summary>
public abstract class OutboxJobTests(TwoServers servers)
{
    [Fact]
    public async Task Two_servers_running_the_outbox_job_send_every_message_once()
    {
        var subject = $"Twice? {Guid.NewGuid():N}";
        await servers.First.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(Enumerable.Range(0, 45).Select(i => new OutboxMessage
            {
                To = $"job-{i}@example.net", Subject = $"{subject} {i.ToString(CultureInfo.InvariantCulture)}", Body = "Once only.", CreatedAt = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });

        for (var period = 0; period < 3; period++)
        {
            servers.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAll(Task.Run(() => servers.Runner(servers.First).RunDueAsync(CancellationToken.None)),
                Task.Run(() => servers.Runner(servers.Second).RunDueAsync(CancellationToken.None)));
        }

        var received = servers.Smtp.Received.Select(m => m.Subject ?? "").Where(s => s.StartsWith(subject, StringComparison.Ordinal)).ToList();
        Assert.Equal(45, received.Count);
        Assert.Equal(45, received.Distinct().Count());
        Assert.Equal(45, await servers.First.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith(subject) && m.SentAt != null && m.Attempts == 1)));
        var job = await servers.First.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == SendOutbox.Name));
        Assert.Equal(JobOutcome.Succeeded, job.LastOutcome);
    }
}

/// <summary>Two apps (two service providers, two job runners) over one database, both sending to one loopback SMTP server.</summary>
public abstract class TwoServers(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);

    public LoopbackSmtp Smtp { get; } = new();
    public CohortApp First { get; private set; } = null!;
    public CohortApp Second { get; private set; } = null!;

    public JobRunner Runner(CohortApp app) => app.Services.GetRequiredService<JobRunner>();

    /// <summary>Moves both servers' clocks, which read the same time.</summary>
    public void Advance(TimeSpan by)
    {
        First.Clock.Now += by;
        Second.Clock.Now = First.Clock.Now;
    }

    public async ValueTask InitializeAsync()
    {
        // One after the other: the first migrates and seeds, the second finds it done.
        First = new SendingApp(provider, database, Smtp);
        await First.InitializeAsync();
        Second = new SendingApp(provider, database, Smtp);
        await Second.InitializeAsync();
        Second.Clock.Now = First.Clock.Now;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await database.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class SendingApp(DatabaseProvider provider, TestDatabase database, LoopbackSmtp smtp) : CohortApp(provider, database)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("Mail:SmtpHost", "127.0.0.1"),
            new("Mail:SmtpPort", smtp.Port.ToString(CultureInfo.InvariantCulture)),
            new("Mail:Security", "None"),
        ];
    }
}

public sealed class TwoServersOnSqlite() : TwoServers(DatabaseProvider.Sqlite);

public sealed class TwoServersOnPostgres() : TwoServers(DatabaseProvider.Postgres);

public sealed class OutboxJobOnSqlite(TwoServersOnSqlite servers) : OutboxJobTests(servers), IClassFixture<TwoServersOnSqlite>;

public sealed class OutboxJobOnPostgres(TwoServersOnPostgres servers) : OutboxJobTests(servers), IClassFixture<TwoServersOnPostgres>;
