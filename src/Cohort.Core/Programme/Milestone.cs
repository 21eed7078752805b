using Cohort.Core.Data;

namespace Cohort.Core.Programme;

/// <summary>
/// A point of the programme every fellow reaches by a due date ("research plan", "midpoint check-in"), defined by the
/// admin. It may ask the fellow for a submission and a mentor for a sign-off. A milestone of an extension round applies
/// only to the fellows that round extended.
/// </summary>
public class Milestone : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;

    public int Id { get; set; }
    public int SeasonId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public DateTime DueAt { get; set; }

    /// <summary>What the fellow hands in, if anything.</summary>
    public SubmissionKind Submission { get; set; }

    /// <summary>Whether a mentor of the fellow's stream signs it off with an assessment.</summary>
    public bool RequiresSignOff { get; set; }

    /// <summary>How many days before <see cref="DueAt"/> the fellow is reminded; 0 sends only the overdue reminder.</summary>
    public int RemindDaysBefore { get; set; } = 3;

    /// <summary>Null for the whole cohort; else the extension round whose accepted fellows it applies to.</summary>
    public int? ExtensionRoundId { get; set; }

    public int Version { get; set; }
}

public enum SubmissionKind
{
    None,
    Text,
    Link,
    File,
}
