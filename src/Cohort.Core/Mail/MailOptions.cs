using System.Net;
using MimeKit;

namespace Cohort.Core.Mail;

/// <summary>SMTP settings (section "Mail"). With no host, mail stays in the outbox for admins to read.</summary>
public class MailOptions
{
    public const string Section = "Mail";
    public string From { get; set; } = "Cohort <no-reply@cohort.invalid>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>How the connection to the SMTP server is protected; TLS is required unless an operator says otherwise.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.RequireTls;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a dispatcher's claim on a batch lasts; another instance may take the mail over only after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the SMTP host is this machine, where plain text never crosses a network.</summary>
    public bool IsLoopbackHost =>
        SmtpHost is "localhost" || (IPAddress.TryParse(SmtpHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Every problem with these settings, each naming its key; checked when the app starts.</summary>
    public static IEnumerable<string> Problems(MailOptions mail)
    {
        if (!MailboxAddress.TryParse(mail.From, out _))
        {
            yield return $"{Section}:From must be a mail address such as \"Cohort <no-reply@apply.example.org>\"; it is '{mail.From}'.";
        }

        if (mail.SmtpPort is < 1 or > 65535)
        {
            yield return $"{Section}:SmtpPort must be a port number from 1 to 65535; it is {mail.SmtpPort}.";
        }

        if (!string.IsNullOrEmpty(mail.SmtpUser) && string.IsNullOrEmpty(mail.SmtpPassword))
        {
            yield return $"{Section}:SmtpUser is set but {Section}:SmtpPassword is empty.";
        }

        if (!string.IsNullOrEmpty(mail.SmtpUser) && mail.Security == MailSecurity.None && !mail.IsLoopbackHost)
        {
            yield return $"{Section}:Security is None, so {Section}:SmtpUser's password would cross the network in plain text; use RequireTls or SslOnConnect.";
        }

        foreach (var (key, value) in new[] { (nameof(LeaseDuration), mail.LeaseDuration), (nameof(RetryDelay), mail.RetryDelay) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{key} must be a positive time such as 00:00:30; it is {value}.";
            }
        }

        foreach (var (key, value) in new[] { (nameof(MaxAttempts), mail.MaxAttempts), (nameof(BatchSize), mail.BatchSize) })
        {
            if (value < 1)
            {
                yield return $"{Section}:{key} must be at least 1; it is {value}.";
            }
        }
    }
}

/// <summary>How Cohort protects its connection to the SMTP server (<c>Mail:Security</c>).</summary>
public enum MailSecurity
{
    /// <summary>
    /// TLS or nothing: STARTTLS, or TLS from the first byte on port 465. A server that does not offer STARTTLS (or
    /// whose certificate does not check out) gets no mail; the messages wait in the outbox with the reason.
    /// </summary>
    RequireTls,

    /// <summary>TLS from the first byte (SMTPS), on any port.</summary>
    SslOnConnect,

    /// <summary>
    /// STARTTLS when the server offers it, plain text otherwise, with a warning in the log each time; a password is
    /// never sent over plain text.
    /// </summary>
    Auto,

    /// <summary>Plain text: for a relay on the same machine or a test server.</summary>
    None,
}
