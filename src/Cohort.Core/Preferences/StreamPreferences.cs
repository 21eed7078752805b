namespace Cohort.Core.Preferences;

/// <summary>
/// One applicant's place in their stream's preferences. A stream has ONE list of preferences, which all its mentors
/// rank together; the match reads it as the stream's side, skipping the applicants marked not acceptable.
/// </summary>
public class StreamPreference
{
    public int Id { get; set; }
    public int StreamId { get; set; }
    public int StreamApplicationId { get; set; }

    /// <summary>1 is the stream's first choice.</summary>
    public int Position { get; set; }

    /// <summary>The stream would rather leave a seat empty than take this applicant.</summary>
    public bool NotAcceptable { get; set; }

    public DateTime UpdatedAt { get; set; }
    public required string UpdatedById { get; set; }
}

/// <summary>
/// One mentor's own view of one applicant of a coalition stream, shown to the stream's other mentors while they agree
/// on the stream's preferences. It never feeds the match directly.
/// </summary>
public class MentorPreferenceInput
{
    public int Id { get; set; }
    public int StreamId { get; set; }
    public required string MentorUserId { get; set; }
    public int StreamApplicationId { get; set; }

    /// <summary>The mentor's rank for the applicant, or null when they only left a mark or a note.</summary>
    public int? Position { get; set; }

    public bool NotAcceptable { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>The applicant's order of the streams they applied to: 1 is the stream they would most like to join.</summary>
public class ApplicantStreamPreference
{
    public int Id { get; set; }
    public required string ApplicantId { get; set; }
    public int StreamApplicationId { get; set; }
    public int Position { get; set; }
}
