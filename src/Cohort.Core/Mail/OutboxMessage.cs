namespace Cohort.Core.Mail;

/// <summary>
/// A message waiting to be sent, or sent. Mail is written here in the same transaction as the change that
/// causes it, and a background dispatcher delivers it, so a crash never loses or duplicates a decision's mail.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
