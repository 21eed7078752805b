namespace Cohort.Core.Programme;

/// <summary>What a fellow handed in for a milestone: text, a link or a stored file, as the milestone asks. One a fellow and milestone; resubmitting replaces it.</summary>
public class MilestoneSubmission
{
    public const int MaxTextLength = 20000;
    public const int MaxLinkLength = 2000;

    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public int FellowshipId { get; set; }
    public string Text { get; set; } = "";
    public string Link { get; set; } = "";
    public int? FileId { get; set; }
    public Applications.StoredFile? File { get; set; }
    public DateTime SubmittedAt { get; set; }
}
