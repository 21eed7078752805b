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
}
