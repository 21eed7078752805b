using Cohort.Core.Data;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// Reads a stream's project assignment as a match input, so the match's own engine solves it: the "streams" are the
/// stream's approved projects (their capacities, and their mentors' ranking of fellows without those marked not
/// acceptable), the "applicants" are the stream's fellows with their ranking of the projects. Fellows a published run
/// settled leave, and their places come off their projects' capacities.
/// </summary>
public static class ProjectAssignmentInputs
{
    public static async Task<MatchInput> LoadAsync(CohortDbContext db, int streamId, CancellationToken cancellation)
    {
        var settled = await PublishedAssignments.SettledAsync(db, streamId, cancellation);
        var taken = PublishedAssignments.PlacesTaken(settled);
        var fellows = (await Fellows.NamedOf(db, streamId).ToListAsync(cancellation)).Where(f => !settled.ContainsKey(f.ApplicantId)).ToList();
        var applicantOf = fellows.ToDictionary(f => f.StreamApplicationId, f => f.ApplicantId);
        var projects = await db.Projects.Where(p => p.StreamId == streamId && p.State == ProjectState.Approved).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Capacity }).ToListAsync(cancellation);
        var projectIds = projects.Select(p => p.Id).ToList();
        var projectRankings = (await db.ProjectPreferences.Where(e => projectIds.Contains(e.ProjectId) && !e.NotAcceptable).OrderBy(e => e.Position)
                .Select(e => new { e.ProjectId, e.StreamApplicationId }).ToListAsync(cancellation))
            .Where(e => applicantOf.ContainsKey(e.StreamApplicationId))
            .ToLookup(e => e.ProjectId, e => applicantOf[e.StreamApplicationId]);
        var fellowIds = fellows.Select(f => f.ApplicantId).ToList();
        var fellowRankings = (await db.FellowProjectPreferences.Where(r => fellowIds.Contains(r.ApplicantId) && projectIds.Contains(r.ProjectId)).OrderBy(r => r.Position)
                .Select(r => new { r.ApplicantId, r.ProjectId }).ToListAsync(cancellation))
            .ToLookup(r => r.ApplicantId, r => r.ProjectId);
        return new MatchInput(
            projects.Select(p => new MatchStream(p.Id, p.Title, Math.Max(0, p.Capacity - taken.GetValueOrDefault(p.Id)), projectRankings[p.Id].ToList())).ToList(),
            fellows.OrderBy(f => f.ApplicantId, StringComparer.Ordinal).Select(f => new MatchApplicant(f.ApplicantId, f.Name, fellowRankings[f.ApplicantId].ToList())).ToList());
    }
}
