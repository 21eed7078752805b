namespace Cohort.Core.Mail;

/// <summary>
/// A message waiting to be sent, or sent. Mail is written here in the same transaction as the change that
/// causes it, and a background dispatcher delivers it, so a crash never loses a decision's mail.
/// </summary>
public class OutboxMessage
{
    public const int ClaimLength = 120;

    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>
    /// The body holds a secret (a reset, confirmation or invitation link): admins never see it in the outbox, and
    /// the dispatcher blanks it once the mail is sent, so a live link outlives neither the page nor the send.
    /// </summary>
    public bool Sensitive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>After a failure, the message waits until then before it is tried again (backoff).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The dispatcher's claim on the message: which instance (and batch) may send it, until when.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>
    /// When the dispatcher gave up on the message: it could not be built (an unparsable address), or every attempt
    /// failed. <see cref="LastError"/> says why. The dispatcher never picks it up again; an admin may retry it.
    /// </summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>When an admin cancelled the failed message: it is never sent.</summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>Failed, not cancelled and not sent: the only state an admin can retry or cancel.</summary>
    public bool AwaitsAdmin => FailedAt is not null && CancelledAt is null && SentAt is null;

    /// <summary>Back to pending and due at once (no backoff to wait out), with a fresh count of attempts.</summary>
    public void Retry()
    {
        FailedAt = null;
        Attempts = 0;
        NextAttemptAt = null;
    }

    public void Cancel(DateTime now) => CancelledAt = now;
}
