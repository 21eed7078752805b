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

    public required string Name { get; set; }
    public int RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    public int ReviewsPerApplication { get; set; } = 2;
    public ReviewRoundState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public int Version { get; set; }

    public List<ReviewAssignment> Assignments { get; } = [];
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
/// and 2, and the stream application for stage 3.
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
