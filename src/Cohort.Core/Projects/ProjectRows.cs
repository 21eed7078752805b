using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>Which projects a read selects; null means any.</summary>
public sealed record ProjectFilter(int? SeasonId = null, int? StreamId = null, ProjectState? State = null);

/// <summary>A fellow a published project match placed on the project: their general application, and their account for identified views.</summary>
public sealed record AssignedFellow(string FellowId, int? ApplicationId, int RunId);

/// <summary>
/// A project with its mentors, who pitched it (a mentor by name; a fellow, whose pitch it is, by their general
/// application) and the fellows assigned to it by the stream's published project matches (<see cref="PublishedAssignments"/>).
/// </summary>
public sealed record ProjectRow(
    int Id, int SeasonId, int StreamId, string Stream, string Title, string Description, int Capacity, ProjectState State, bool PitchedByFellow,
    string PitchedById, string? PitchedByMentor, int? PitchedByApplicationId, IReadOnlyList<string> Mentors, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<AssignedFellow> Assigned);

/// <summary>The one query of projects and their assignments, paged by project id: <c>/api/v1/projects</c> and the projects export.</summary>
public static class ProjectRows
{
    public static async Task<IReadOnlyList<ProjectRow>> PageAsync(CohortDbContext db, ProjectFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Id > afterId && (filter.SeasonId == null || db.Streams.Any(s => s.Id == p.StreamId && s.Track!.SeasonId == filter.SeasonId))
                && (filter.StreamId == null || p.StreamId == filter.StreamId) && (filter.State == null || p.State == filter.State))
            .OrderBy(p => p.Id).Take(take)
            .Select(p => new
            {
                Project = p, Stream = db.Streams.Where(s => s.Id == p.StreamId).Select(s => new { s.Name, s.Track!.SeasonId }).First(),
                Mentors = p.Mentors.OrderBy(m => m.Mentor!.Name).Select(m => m.Mentor!.Name).ToList(),
                PitchedBy = db.Users.Where(u => u.Id == p.PitchedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellation);
        var settled = new Dictionary<int, List<(Match.Placement Placement, int RunId)>>();
        foreach (var stream in projects.Select(p => p.Project.StreamId).Distinct())
        {
            settled[stream] = await PublishedAssignments.SettledWithRunsAsync(db, stream, cancellation);
        }

        var applications = new Dictionary<int, IReadOnlyDictionary<string, int>>();
        foreach (var season in projects.GroupBy(p => p.Stream.SeasonId))
        {
            var people = season.SelectMany(p => settled[p.Project.StreamId].Select(s => s.Placement.CandidateId).Append(p.Project.PitchedById)).Distinct().ToList();
            applications[season.Key] = await ApplicantReferences.GeneralApplicationsAsync(db, season.Key, people, cancellation);
        }

        return projects.Select(row =>
        {
            var (p, known) = (row.Project, applications[row.Stream.SeasonId]);
            return new ProjectRow(p.Id, row.Stream.SeasonId, p.StreamId, row.Stream.Name, p.Title, p.Description, p.Capacity, p.State, p.PitchedByFellow,
                p.PitchedById, p.PitchedByFellow ? null : row.PitchedBy, p.PitchedByFellow && known.TryGetValue(p.PitchedById, out var pitcher) ? pitcher : null,
                row.Mentors, p.CreatedAt, p.UpdatedAt,
                settled[p.StreamId].Where(s => s.Placement.HostId == p.Id)
                    .Select(s => new AssignedFellow(s.Placement.CandidateId, known.TryGetValue(s.Placement.CandidateId, out var id) ? id : null, s.RunId)).ToList());
        }).ToList();
    }
}
