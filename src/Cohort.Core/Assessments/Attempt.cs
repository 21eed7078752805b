using Cohort.Core.Data;

namespace Cohort.Core.Assessments;

/// <summary>
/// An applicant's one attempt at an assessment. The clock starts when it is created; it accepts answers until it is
/// submitted or its deadline passes, whichever comes first, and is then scored automatically where it can be.
/// </summary>
public class Attempt : IVersioned
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public required string ApplicantId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime Deadline { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when the applicant handed the attempt in; null when it closed itself at the deadline.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When the attempt stopped taking answers: the submission, or the deadline.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Points from the automatically scored items, set when the attempt closes.</summary>
    public double? AutoScore { get; set; }

    public int Version { get; set; }

    public List<AttemptAnswer> Answers { get; } = [];

    public bool IsOpenAt(DateTime utc) => ClosedAt is null && utc <= Deadline;

    public TimeSpan RemainingAt(DateTime utc) => IsOpenAt(utc) ? Deadline - utc : TimeSpan.Zero;

    /// <summary>
    /// Closes the attempt at <paramref name="closedAt"/> and scores what was saved. There is no background job: every
    /// use case that meets an attempt past its deadline closes it, so it is closed and scored when first seen.
    /// </summary>
    public void Close(DateTime closedAt, IReadOnlyCollection<AssessmentItem> items)
    {
        ClosedAt = closedAt;
        UpdatedAt = closedAt;
        double total = 0;
        foreach (var item in items.Where(i => i.IsScoredAutomatically))
        {
            var answer = Answers.SingleOrDefault(a => a.ItemId == item.Id);
            var points = AutoScoring.Score(item, answer?.Value);
            if (answer is not null)
            {
                answer.AutoPoints = points;
            }

            total += points;
        }

        AutoScore = Math.Round(total, 2);
    }

    /// <summary>Closes the attempt if its deadline has passed; true when it did.</summary>
    public bool CloseIfExpired(DateTime now, IReadOnlyCollection<AssessmentItem> items)
    {
        if (ClosedAt is not null || now <= Deadline)
        {
            return false;
        }

        Close(Deadline, items);
        return true;
    }
}

/// <summary>The saved answer to one item. Ordering answers hold the place given to each option, one a line, in the options' order.</summary>
public class AttemptAnswer
{
    public int Id { get; set; }
    public int AttemptId { get; set; }
    public int ItemId { get; set; }
    public string Value { get; set; } = "";
    public DateTime SavedAt { get; set; }

    /// <summary>Points scored automatically, once the attempt closed; null for items reviewers score.</summary>
    public double? AutoPoints { get; set; }
}
