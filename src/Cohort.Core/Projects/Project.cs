using Cohort.Core.Catalogue;
using Cohort.Core.Data;

namespace Cohort.Core.Projects;

/// <summary>
/// A project inside a stream, which the stream's fellows are assigned to. Mentors pitch projects, approved at once;
/// a fellow's pitch waits for a mentor of the stream to approve or decline it. One or more of the stream's mentors
/// mentor each project (a co-mentored project has several).
/// </summary>
public class Project : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxNoteLength = 2000;

    public int Id { get; set; }
    public int StreamId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }

    /// <summary>How many fellows the project takes, at least 1.</summary>
    public int Capacity { get; set; }

    public ProjectState State { get; set; }

    /// <summary>The account that pitched it: a mentor of the stream, or one of its fellows.</summary>
    public required string PitchedById { get; set; }

    public bool PitchedByFellow { get; set; }

    /// <summary>What the mentor who decided a fellow's pitch wrote to them; empty otherwise.</summary>
    public string DecisionNote { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ProjectMentor> Mentors { get; } = [];
}

/// <summary>One of a project's mentors: a mentor profile of the project's stream.</summary>
public class ProjectMentor
{
    public int ProjectId { get; set; }
    public int MentorId { get; set; }
    public Mentor? Mentor { get; set; }
}

public enum ProjectState
{
    /// <summary>A fellow's pitch no mentor has decided yet.</summary>
    Pending,

    /// <summary>Open to the fellows' rankings and the assignment.</summary>
    Approved,

    /// <summary>A fellow's pitch a mentor turned down.</summary>
    Declined,

    /// <summary>Taken back by a mentor; it leaves the assignment.</summary>
    Withdrawn,
}
