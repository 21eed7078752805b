using System.Collections.Concurrent;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Telemetry;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohort.Web.Tests.Mail;

/// <summary>The shared <see cref="SmtpSink"/>, with outbox dispatchers of a test app that send to it.</summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    /// <summary>Mail to this domain is refused at RCPT TO: a failed attempt, to be tried again.</summary>
    public const string RefusingDomain = SmtpSink.RefusingDomain;

    private readonly SmtpSink sink = new();

    public int Port => sink.Port;
    public ConcurrentQueue<MimeMessage> Received => sink.Delivered;

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

    public ValueTask DisposeAsync() => sink.DisposeAsync();
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
        // The dispatcher marks the message sent after the server accepted it, so the mark may trail the delivery.
        DateTime? sentAt = null;
        for (var wait = 0; wait < 100 && sentAt is null; wait++)
        {
            sentAt = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).Select(m => m.SentAt).SingleAsync());
            await Task.Delay(sentAt is null ? 100 : 0);
        }

        Assert.NotNull(sentAt);
    }
}
