using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.FollowUps;

/// <summary>A stream's take-home task: what to do and by when. One per stream, set by its mentors.</summary>
public class WorkTest : IVersioned
{
    public int Id { get; set; }
    public int StreamId { get; set; }
    public string InstructionsMarkdown { get; set; } = "";
    public DateTime DueAt { get; set; }
    public int Version { get; set; }
}

/// <summary>An applicant's answer to a work test: a link, or a PDF kept in the database.</summary>
public class WorkTestSubmission
{
    public int Id { get; set; }
    public int WorkTestId { get; set; }
    public required string ApplicantId { get; set; }
    public string? Url { get; set; }
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }
    public DateTime SubmittedAt { get; set; }
}
