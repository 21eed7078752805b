namespace Cohort.Web.Tests.Authorization;

/// <summary>
/// The real objects the matrix fills route parameters with. None is a persona's: they are the owner's (a demo
/// applicant's general application, CV, follow-up attempt, coalition application, interview, work test, offer and
/// pitch), another reviewer's assignment and pool profile, and the coalition stream of the demo mentor.
/// </summary>
public sealed record Targets
{
    public required string Track { get; init; }
    public required string Stream { get; init; }
    public required string Mentor { get; init; }

    /// <summary>
    /// The coalition's follow-up assessment, which the owner took: its id, slug, a free-text item and the owner's answer
    /// to it, which the stream's mentors judge and no reviewer reads.
    /// </summary>
    public required string FollowUp { get; init; }
    public required string FollowUpSlug { get; init; }
    public required string FollowUpItem { get; init; }
    public required string FollowUpAnswer { get; init; }

    public required string Date { get; init; }
    public required string Faq { get; init; }
    public required string Question { get; init; }
    public required string Rubric { get; init; }
    public required string Round { get; init; }

    /// <summary>The pool profile of the reviewer who holds <see cref="Assignment"/>.</summary>
    public required string Pool { get; init; }

    /// <summary>The pipeline stage of <see cref="Application"/>, as addresses name it.</summary>
    public required string Stage { get; init; }
    public required string Application { get; init; }
    public required string StreamApplication { get; init; }

    /// <summary>The owner's pending offer, on <see cref="StreamApplication"/>.</summary>
    public required string Offer { get; init; }

    /// <summary>Another reviewer's assignment to read the owner's general application.</summary>
    public required string Assignment { get; init; }
    public required string Cv { get; init; }
    public required string Project { get; init; }

    /// <summary>A public artifact of last year's demo fellows, with a PDF: the showcase serves it to everyone, and only its fellow authors, its stream's mentors and admins reach it elsewhere.</summary>
    public required string Artifact { get; init; }
    public required string Status { get; init; }

    /// <summary>
    /// A 2026 fellowship of the coalition (the demo programme's) with a PDF handed in for <see cref="Milestone"/>: no
    /// persona is its fellow, and the other mentor mentors another stream.
    /// </summary>
    public required string Fellowship { get; init; }
    public required string Milestone { get; init; }

    /// <summary>
    /// The demo's decided 2026 extension round, one question of its form, and a coalition fellow's application to it:
    /// no persona is a fellow of 2026, and the other mentor mentors another stream.
    /// </summary>
    public required string ExtensionRound { get; init; }
    public required string ExtensionQuestion { get; init; }
    public required string ExtensionApplication { get; init; }

    /// <summary>
    /// Form fields every non-admin POST carries besides its token, naming the owner's objects where a handler takes an id
    /// from the form (an offer to accept, a slot to book, a stream to withdraw from, a pitch to approve), so a handler that
    /// trusts a posted id would change something of the owner's, which the sweep then finds.
    /// </summary>
    public required IReadOnlyList<KeyValuePair<string, string>> HostileFields { get; init; }
}
