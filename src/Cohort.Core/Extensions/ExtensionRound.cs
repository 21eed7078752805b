using Cohort.Core.Data;

namespace Cohort.Core.Extensions;

/// <summary>
/// The call for an extension phase near the end of the programme: its own form, a deadline, and a capacity in seats
/// and in budget. Fellows apply, their mentors endorse them, reviewers may score them in review rounds of the
/// <c>Extension</c> stage, and the admin decides; accepted fellows continue until <see cref="ExtendsUntil"/> with the
/// round's own milestones.
/// </summary>
public class ExtensionRound : IVersioned
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }
    public int SeasonId { get; set; }
    public required string Name { get; set; }
    public string IntroMarkdown { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }

    /// <summary>How many fellows it may extend.</summary>
    public int Seats { get; set; }

    /// <summary>The money it may spend, in whole units of <see cref="Currency"/>; each application asks for an amount of it.</summary>
    public int Budget { get; set; }

    public string Currency { get; set; } = "USD";

    /// <summary>The new last day of the programme for the fellows it extends.</summary>
    public DateOnly ExtendsUntil { get; set; }

    public int Version { get; set; }

    public List<ExtensionQuestion> Questions { get; } = [];

    public bool IsOpenAt(DateTime utc) => utc >= OpensAt && utc <= ClosesAt;
}
