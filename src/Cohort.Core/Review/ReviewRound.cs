using Cohort.Core.Catalogue;
using Cohort.Core.Data;

namespace Cohort.Core.Review;

/// <summary>
/// One round of review of a stage's applications (of one stream, for stage 3): which rubric, how many reviews each
/// application gets, and its assignments. A stage may have several rounds; each round's reviews are kept.
/// </summary>
public class ReviewRound : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public StageKind Stage { get; set; }

    /// <summary>Stage 3 only: the stream whose applications are reviewed; null for stages 1 and 2.</summary>
    public int? StreamId { get; set; }

    /// <summary>
    /// <see cref="StageKind.Extension"/> only: the extension round whose submitted applications are reviewed (its
    /// subjects are extension application ids). The review round belongs to the season whose reviewers and rubrics
    /// read it; the extension round may be of an earlier season, whose fellows apply.
    /// </summary>
    public int? ExtensionRoundId { get; set; }

    public required string Name { get; set; }
    public int RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    public int ReviewsPerApplication { get; set; } = 2;
    public ReviewRoundState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// The share of each reviewer's load, in percent, the solver gives outside their main topic so calibration can
    /// compare topics (0 turns bridging off). See <see cref="BridgedAssignment"/>.
    /// </summary>
    public int BridgingSharePercent { get; set; } = DefaultBridgingSharePercent;

    public const int DefaultBridgingSharePercent = 15;

    /// <summary>What the solver's last assignment cost in affinity for bridging, and what it reached; null before it ran.</summary>
    public AssignmentCostReport? LastCost { get; set; }

    public List<ReviewAssignment> Assignments { get; } = [];

    /// <summary>Applications that many reviewers read, so every reviewer is compared on common ground.</summary>
    public List<ReviewAnchor> Anchors { get; } = [];

    /// <summary>How many reviews <paramref name="subjectId"/> gets: its anchor's readers, or the round's reviews per application.</summary>
    public int ReadersOf(int subjectId) => Anchors.FirstOrDefault(a => a.SubjectId == subjectId)?.Readers ?? ReviewsPerApplication;
}

/// <summary>An application of a draft round that many reviewers read: it gets <see cref="Readers"/> reviews instead of the round's number.</summary>
public class ReviewAnchor
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int SubjectId { get; set; }
    public int Readers { get; set; }
}

/// <summary>
/// The cost of the solver's last assignment of a round, kept as it was reported then (hand changes made afterwards do
/// not change it): the solver's total affinity without and with the bridging share, the share reached, and the
/// reviewers left short of theirs, one a line.
/// </summary>
public class AssignmentCostReport
{
    public DateTime At { get; set; }
    public bool BridgingApplied { get; set; }
    public int SharePercent { get; set; }
    public int Topics { get; set; }
    public double AffinityWithout { get; set; }
    public double AffinityWith { get; set; }

    /// <summary>Reviews outside their reviewer's main topic over all reviews, 0 to 1; null when no reviewer had a topic.</summary>
    public double? ShareReached { get; set; }

    public int Anchors { get; set; }
    public string ShortOfShare { get; set; } = "";

    public double Cost => AffinityWithout - AffinityWith;
}

public enum ReviewRoundState
{
    /// <summary>Being set up: assignments can be made and changed; reviewers do not see it yet.</summary>
    Draft,

    /// <summary>Reviewers read and score their assignments.</summary>
    Open,

    /// <summary>Finished: reviews are kept and count in scores, no more are taken.</summary>
    Closed,
}

/// <summary>
/// One reviewer asked to review one application in a round. The subject is the general application for stages 1
/// and 2, the stream application for stage 3, and the extension application for an extension round.
/// </summary>
public class ReviewAssignment : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ReviewRound? Round { get; set; }
    public int SubjectId { get; set; }
    public required string ReviewerId { get; set; }
    public AssignmentOrigin Origin { get; set; }
    public AssignmentState State { get; set; }

    /// <summary>How well the reviewer's interests and expertise fit the application, as the solver saw it.</summary>
    public double Affinity { get; set; }

    public DateTime AssignedAt { get; set; }
    public string DeclineReason { get; set; } = "";
    public int Version { get; set; }

    public ReviewSubmission? Review { get; set; }
}

public enum AssignmentOrigin
{
    Solver,
    Manual,

    /// <summary>Assigned to cover for a reviewer who declined.</summary>
    Replacement,
}

public enum AssignmentState
{
    Assigned,
    Declined,
    Submitted,
}

/// <summary>What a reviewer gave for one assignment: a score per criterion, a recommendation and a comment.</summary>
public class ReviewSubmission
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Recommendation Recommendation { get; set; }
    public string Comment { get; set; } = "";

    /// <summary>The weighted mean of the criteria scores rescaled to 0–10, kept so score tables need no rubric maths.</summary>
    public double Overall { get; set; }

    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<CriterionScore> Scores { get; } = [];
}

public class CriterionScore
{
    public int Id { get; set; }
    public int ReviewSubmissionId { get; set; }
    public int CriterionId { get; set; }
    public int Value { get; set; }
}
