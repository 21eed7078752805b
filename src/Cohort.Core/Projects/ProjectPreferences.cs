namespace Cohort.Core.Projects;

/// <summary>A fellow's place for one approved project of their stream: 1 is the project they most want. Unranked = not acceptable.</summary>
public class FellowProjectPreference
{
    public int Id { get; set; }
    public required string ApplicantId { get; set; }
    public int ProjectId { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// One fellow's place in a project's preferences, which the project's mentors share and rank together. The fellow is
/// named by the stream application their accepted offer is for, as in the stream's own preferences.
/// </summary>
public class ProjectPreference
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int StreamApplicationId { get; set; }
    public int Position { get; set; }

    /// <summary>The project would rather leave a place empty than take this fellow.</summary>
    public bool NotAcceptable { get; set; }

    public DateTime UpdatedAt { get; set; }
    public required string UpdatedById { get; set; }
}
