namespace Cohort.Core.Reminders;

/// <summary>
/// A reminder that was queued, kept so it is queued once: one row per (kind, subject, occasion), unique, written in
/// the same save as its mail. A second run, a second instance or an admin's "Run now" finds it and sends nothing.
/// </summary>
public class SentReminder
{
    public const int SubjectLength = 64;
    public const int OccasionLength = 32;

    public long Id { get; set; }
    public ReminderKind Kind { get; set; }

    /// <summary>What it is about: the draft's id (application, stream application or attempt), the reviewer's user id, or "fellowship:milestone".</summary>
    public required string Subject { get; set; }

    /// <summary>Which reminder of several: a draft's threshold ("48h", "6h"), or the reviewer reminders' period ("2027-01-20T00:00").</summary>
    public required string Occasion { get; set; }

    public DateTime SentAt { get; set; }
}

public enum ReminderKind
{
    GeneralDraft,
    StreamDraft,
    AssessmentAttempt,
    OverdueReviews,

    /// <summary>A milestone's due date is near and the fellow has not handed in (subject "fellowship:milestone", occasion the due date).</summary>
    MilestoneDue,

    /// <summary>A milestone's due date has passed without the fellow's submission (same subject and occasion).</summary>
    MilestoneOverdue,
}
