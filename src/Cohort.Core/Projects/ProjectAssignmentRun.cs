using Cohort.Core.Data;

namespace Cohort.Core.Projects;

/// <summary>
/// One run of a stream's project assignment, stored with the input it read and the result it gave (the match's own
/// <see cref="Match.MatchInput"/> and <see cref="Match.MatchResult"/>, whose "streams" are the projects), so any run
/// can be shown and reproduced. Publishing the latest stable run tells every fellow their project, once per stream.
/// </summary>
public class ProjectAssignmentRun : IVersioned
{
    public int Id { get; set; }
    public int StreamId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public required string InputJson { get; set; }
    public required string ResultJson { get; set; }
    public int Assigned { get; set; }
    public int Unassigned { get; set; }
    public bool Stable { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int Version { get; set; }
}
