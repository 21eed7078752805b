namespace Cohort.Core.Programme;

/// <summary>
/// A mentor's short structured assessment of a fellow: on track, at risk or off track, with a comment. A sign-off is the
/// check-in that names a milestone (one a fellow and milestone); mentors also check in between milestones.
/// </summary>
public class CheckIn
{
    public const int MaxCommentLength = 4000;

    public int Id { get; set; }
    public int FellowshipId { get; set; }
    public int MentorId { get; set; }

    /// <summary>The milestone this check-in signs off; null for a check-in between milestones.</summary>
    public int? MilestoneId { get; set; }

    public Assessment Assessment { get; set; }
    public string Comment { get; set; } = "";
    public DateTime At { get; set; }
}

public enum Assessment
{
    OnTrack,
    AtRisk,
    OffTrack,
}
