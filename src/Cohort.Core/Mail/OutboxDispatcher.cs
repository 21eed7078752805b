using Cohort.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohort.Core.Mail;

/// <summary>
/// Delivers outbox messages over SMTP. It does nothing while no SMTP host is configured, which is the
/// development default: mail then stays in the outbox, where admins can read it.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SmtpHost))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDispatchFailed(log, e);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends every pending message once; returns how many were delivered.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellation)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var pending = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts < settings.MaxAttempts)
            .OrderBy(m => m.Id)
            .Take(100)
            .ToListAsync(cancellation);
        if (pending.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient();
        var security = settings.Security == "None" ? SecureSocketOptions.None : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellation);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await smtp.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellation);
        }

        var delivered = 0;
        foreach (var message in pending)
        {
            message.Attempts++;
            try
            {
                await smtp.SendAsync(ToMime(settings.From, message), cancellation);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                delivered++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                message.LastError = e.Message;
            }

            // Saved after each message, so a crash mid-batch does not resend what already went out.
            await db.SaveChangesAsync(cancellation);
        }

        await smtp.DisconnectAsync(quit: true, cancellation);
        return delivered;
    }

    private static MimeMessage ToMime(string from, OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail from the outbox failed; will retry")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
