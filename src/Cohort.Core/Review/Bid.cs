namespace Cohort.Core.Review;

/// <summary>
/// How much a reviewer of the pool wants to read one subject of a draft round, as conference reviewers bid on papers.
/// A bid moves the pair's affinity by <see cref="BidAdjustment"/>'s steps; <see cref="BidLevel.Conflict"/> is not an
/// affinity at all but a declared conflict (<see cref="PlaceBids"/>), so the pair is never assigned. No bid is no row.
/// </summary>
public class Bid
{
    public int Id { get; set; }
    public int RoundId { get; set; }

    /// <summary>The reviewer's account.</summary>
    public required string ReviewerId { get; set; }

    /// <summary>What the round reviews: a general application, a stream application or an extension application (<see cref="ReviewAssignment.SubjectId"/>).</summary>
    public int SubjectId { get; set; }

    public BidLevel Level { get; set; }

    /// <summary>
    /// For a conflict bid: the conflict it declared, withdrawn with it. Null when the conflict was declared before the
    /// bid (by an admin, say), so withdrawing the bid leaves someone else's declaration alone.
    /// </summary>
    public int? DeclaredConflictId { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum BidLevel
{
    Eager,
    Willing,
    NotWilling,

    /// <summary>The reviewer declares a conflict of interest with the subject's applicant.</summary>
    Conflict,
}
