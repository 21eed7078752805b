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
    /// <summary>StartTLS when the server offers it; "None" for a loopback test server.</summary>
    public string Security { get; set; } = "Auto";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a dispatcher's claim on a batch lasts; another instance may take the mail over only after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
