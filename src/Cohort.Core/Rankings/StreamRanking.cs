namespace Cohort.Core.Rankings;

/// <summary>
/// One applicant's place in their stream's ranking. A stream has ONE ranking, which all its mentors edit together;
/// the matching engine reads it as the stream's preference list, skipping the applicants marked not acceptable.
/// </summary>
public class StreamRankingEntry
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
/// on the stream's ranking. It never feeds the match directly.
/// </summary>
public class MentorRankingInput
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
public class ApplicantStreamRanking
{
    public int Id { get; set; }
    public required string ApplicantId { get; set; }
    public int StreamApplicationId { get; set; }
    public int Position { get; set; }
}

/// <summary>A season's settings of the match; for now the moment applicants' stream rankings freeze.</summary>
public class MatchSettings
{
    public int Id { get; set; }
    public int SeasonId { get; set; }

    /// <summary>Null until an admin sets it: applicants may reorder their streams until then.</summary>
    public DateTime? RankingDeadline { get; set; }
}
