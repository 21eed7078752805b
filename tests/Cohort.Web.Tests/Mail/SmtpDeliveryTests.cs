using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Telemetry;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Cohort.Web.Tests.Mail;

/// <summary>An SMTP server on a loopback port, in the test process, that keeps what it receives.</summary>
public sealed class LoopbackSmtp : MessageStore, IAsyncDisposable
{
    /// <summary>Mail to this domain is refused at RCPT TO, as a server refuses a mailbox it does not know: a failed attempt, to be tried again.</summary>
    public const string RefusingDomain = "refused.example.net";

    private readonly CancellationTokenSource stop = new();

    public LoopbackSmtp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        services.Add(new DelegatingMailboxFilter((to, _) => !string.Equals(to.Host, RefusingDomain, StringComparison.OrdinalIgnoreCase)));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>A dispatcher instance of <paramref name="app"/> that sends to this server, run by hand with <see cref="DrainAsync"/>.</summary>
    public OutboxDispatcher DispatcherFor(CohortApp app, int batchSize = 20) =>
        DispatcherFor(app, new MailOptions { Security = MailSecurity.None, BatchSize = batchSize });

    /// <summary>Sends batches until the dispatcher finds nothing left to send.</summary>
    public static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while (await dispatcher.SendPendingAsync(CancellationToken.None) > 0)
        {
            await Task.Yield();
        }
    }

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }

    /// <summary>An outbox dispatcher of <paramref name="app"/> that sends here, with <paramref name="settings"/> otherwise.</summary>
    public OutboxDispatcher DispatcherFor(CohortApp app, MailOptions settings)
    {
        settings.SmtpHost = "127.0.0.1";
        settings.SmtpPort = Port;
        return Dispatcher(app, settings);
    }

    /// <summary>An outbox dispatcher of <paramref name="app"/> with <paramref name="settings"/> as they are, server included.</summary>
    public static OutboxDispatcher Dispatcher(CohortApp app, MailOptions settings) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(settings), TimeProvider.System,
            app.Services.GetRequiredService<CohortMetrics>(), NullLogger<OutboxDispatcher>.Instance);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
    }
}

public sealed class MailingApp() : CohortApp(DatabaseProvider.Sqlite)
{
    public LoopbackSmtp Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Mail:SmtpHost", "127.0.0.1"),
        new("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Security", "None"),
        new("Jobs:Enabled", "true"),
        new("Jobs:PollInterval", "00:00:00.200"),
        new("Jobs:Periods:outbox", "00:00:01"),
    ];

    // The job host's periods follow the clock: this app's clock runs, so the outbox job comes round every second.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton(TimeProvider.System));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class SmtpDeliveryTests(MailingApp app) : IClassFixture<MailingApp>
{
    [Fact]
    public async Task Outbox_mail_is_delivered_over_real_smtp_and_marked_sent()
    {
        var email = $"confirm-{Guid.NewGuid():N}@example.net";
        using var browser = app.NewBrowser();
        await browser.SignUpAsync(email);

        MimeMessage? delivered = null;
        for (var wait = 0; wait < 100 && delivered is null; wait++)
        {
            await Task.Delay(100);
            delivered = app.Smtp.Received.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == email));
        }

        Assert.NotNull(delivered);
        Assert.Equal(ConfirmationMail.Subject, delivered.Subject);
        Assert.Contains("http://localhost/account/confirm-email?", delivered.TextBody, StringComparison.Ordinal);
        var sentAt = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).Select(m => m.SentAt).SingleAsync());
        Assert.NotNull(sentAt);
    }
}
