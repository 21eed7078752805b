using System.Linq.Expressions;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Telemetry;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohort.Core.Mail;

/// <summary>
/// Delivers outbox messages over SMTP. It does nothing while no SMTP host is configured, which is the
/// development default: mail then stays in the outbox, where admins can read it. The <see cref="SendOutbox"/> job calls
/// it (one instance a period, through the job's lease); each batch is also claimed with a lease of its own, so every
/// message has one sender even when an admin's "Run now" or a lapsed job lease lets two batches overlap.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, CohortMetrics metrics, ILogger<OutboxDispatcher> log)
{
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);

    /// <summary>Names this dispatcher in its claims, so an admin can tell which server sent a message.</summary>
    public string InstanceId { get; } = InstanceName.New();

    /// <summary>Whether an SMTP host is set; without one, mail stays in the outbox.</summary>
    public bool Sends => !string.IsNullOrWhiteSpace(options.Value.SmtpHost);

    /// <summary>The most messages one batch claims: a full batch means more may be waiting.</summary>
    public int BatchSize => options.Value.BatchSize;

    /// <summary>Claims one batch of due messages and sends it; returns how many messages it claimed, or 0 when the server could not be used.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellation)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            return 0;
        }

        using var span = CohortTraces.Start("OutboxDispatcher.SendPending");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var (claim, until, claimed) = await ClaimAsync(db, settings, cancellation);
        span?.SetTag("cohort.mail.claimed", claimed.Count);
        if (claimed.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient();
        try
        {
            await SmtpConnection.OpenAsync(smtp, settings, () => LogPlainText(log, settings.SmtpHost!, settings.SmtpPort), cancellation);
        }
        catch (Exception e) when (SmtpConnection.IsFailure(e))
        {
            // Nothing was sent: give the batch back at once instead of leaving it locked until the lease ends, and
            // say why on each message, where admins read the outbox. A server that cannot be reached (or refuses TLS)
            // costs no attempt: the mail waits for the server, however long it takes.
            var error = ColumnText.Fit($"Not sent: {SmtpConnection.Problem(e, settings)}", 1000);
            await db.OutboxMessages.Where(m => m.ClaimedBy == claim && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error), cancellation);
            LogConnectionFailed(log, error);
            metrics.MailServerUnreachable();
            return 0;
        }

        foreach (var message in claimed)
        {
            // Past the lease another instance may already have claimed the rest; leave it to them rather than send twice.
            if (clock.GetUtcNow().UtcDateTime >= until)
            {
                break;
            }

            // Built inside its own try: a message that cannot be built never will be, so it fails for good at once,
            // and the rest of the batch (and every later batch) goes on without it.
            MimeMessage mime;
            try
            {
                mime = ToMime(settings.From, message);
            }
            catch (ParseException e)
            {
                await MarkUnsendableAsync(db, message.Id, $"Cannot be sent: the address '{message.To}' is not a mail address ({e.Message})", cancellation);
                continue;
            }

            try
            {
                await smtp.SendAsync(mime, cancellation);
                await MarkSentAsync(db, message.Id, cancellation);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                await MarkFailedAsync(db, message, e.Message, settings, cancellation);
            }
        }

        await smtp.DisconnectAsync(quit: true, cancellation);
        return claimed.Count;
    }

    /// <summary>
    /// Claims up to a batch of due messages. The candidates are read first, then one conditional UPDATE takes
    /// those still unclaimed: the condition sits on each row itself, so when two instances race for a row the
    /// database re-checks it after the first commits (PostgreSQL) or runs the writes one after the other (SQLite),
    /// and only one claim sticks. The claim is unique per batch, so reading it back finds exactly what was won.
    /// </summary>
    private async Task<(string Claim, DateTime Until, List<OutboxMessage> Messages)> ClaimAsync(CohortDbContext db, MailOptions settings, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + settings.LeaseDuration;
        var claim = $"{InstanceId}:{Guid.NewGuid():N}";
        var candidates = await db.OutboxMessages.Where(Due(now, settings.MaxAttempts))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellation);
        if (candidates.Count == 0)
        {
            return (claim, until, []);
        }

        await db.OutboxMessages.Where(m => candidates.Contains(m.Id)).Where(Due(now, settings.MaxAttempts))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until), cancellation);
        var won = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == claim && m.SentAt == null).OrderBy(m => m.Id).ToListAsync(cancellation);
        return (claim, until, won);
    }

    private static Expression<Func<OutboxMessage, bool>> Due(DateTime now, int maxAttempts) => m =>
        m.SentAt == null && m.FailedAt == null && m.CancelledAt == null && m.Attempts < maxAttempts
        && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
        && (m.ClaimedUntil == null || m.ClaimedUntil < now);

    // Saved at once after each message, so a crash mid-batch re-sends at most the one message in flight.
    // A sensitive body is blanked in the same update: once delivered, its link lives only in the recipient's mailbox.
    private async Task MarkSentAsync(CohortDbContext db, long id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.Body, m => m.Sensitive ? "" : m.Body)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellation);
        metrics.MailSent();
    }

    // The last allowed attempt's failure is final: the message is marked failed, so admins see it and may retry it.
    private async Task MarkFailedAsync(CohortDbContext db, OutboxMessage message, string error, MailOptions settings, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var final = message.Attempts + 1 >= settings.MaxAttempts;
        await RecordFailureAsync(db, message.Id, error, now + RetryDelay(message.Attempts + 1, settings.RetryDelay), final ? now : null, cancellation);
        metrics.MailFailed(final);
    }

    private async Task MarkUnsendableAsync(CohortDbContext db, long id, string reason, CancellationToken cancellation)
    {
        await RecordFailureAsync(db, id, reason, retryAt: null, failedAt: clock.GetUtcNow().UtcDateTime, cancellation);
        metrics.MailFailed(final: true);
    }

    /// <summary>Counts the attempt, keeps its reason and releases the claim; a null <paramref name="retryAt"/> leaves the due time as it was.</summary>
    private static Task RecordFailureAsync(CohortDbContext db, long id, string error, DateTime? retryAt, DateTime? failedAt, CancellationToken cancellation) =>
        db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, ColumnText.Fit(error, 1000))
            .SetProperty(m => m.NextAttemptAt, m => retryAt ?? m.NextAttemptAt)
            .SetProperty(m => m.FailedAt, failedAt)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellation);

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: the first delay, doubled per further failure, at most an hour.</summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan first) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, Math.Max(0, failures - 1)), LongestRetryDelay.Ticks));

    private static MimeMessage ToMime(string from, OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail stays in the outbox: {Problem}")]
    private static partial void LogConnectionFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail in plain text: {Host}:{Port} offers no STARTTLS and Mail:Security is Auto")]
    private static partial void LogPlainText(ILogger logger, string host, int port);
}
