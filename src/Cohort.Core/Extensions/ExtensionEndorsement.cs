namespace Cohort.Core.Extensions;

/// <summary>A mentor's support for their fellow's extension: a rating from 1 (not endorsed) to 5 (strongly endorsed) and a comment. One a mentor and application.</summary>
public class ExtensionEndorsement
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxCommentLength = 4000;

    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int MentorId { get; set; }
    public int Rating { get; set; }
    public string Comment { get; set; } = "";
    public DateTime At { get; set; }
}
