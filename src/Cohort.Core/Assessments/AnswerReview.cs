using Cohort.Core.Data;

namespace Cohort.Core.Assessments;

/// <summary>
/// One reviewer's score of one answer to an item reviewers score. Several reviewers may score the same answer; each
/// has at most one review of it, which they may change. The answer's reviewed score is the mean of its reviews.
/// </summary>
public class AnswerReview : IVersioned
{
    public const int MaxCommentLength = 4000;

    public int Id { get; set; }
    public int AnswerId { get; set; }
    public AttemptAnswer? Answer { get; set; }
    public required string ReviewerId { get; set; }

    /// <summary>Between 0 and the item's points, at most two decimals.</summary>
    public double Points { get; set; }

    public string Comment { get; set; } = "";
    public DateTime ReviewedAt { get; set; }
    public int Version { get; set; }
}
