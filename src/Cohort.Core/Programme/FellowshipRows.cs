using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>Which fellowships a read selects; null means any. <see cref="Stream"/> is a stream's slug.</summary>
public sealed record FellowshipFilter(int? SeasonId = null, int? StreamId = null, string? Stream = null, bool? Extended = null);

/// <summary>
/// A fellow's place in the cohort: their stream, the project the stream's published project match gave them, when
/// they started and until when the programme runs for them, whether an extension round accepted them, and their
/// mentors' latest assessment. <see cref="ApplicantId"/> is for identified views to look up; the API and blind views
/// name the fellow by the fellowship's id (and their general application, when they made one in the season).
/// </summary>
public sealed record FellowshipRow(
    int Id, int SeasonId, string Season, int StreamId, string StreamSlug, string Stream, int OfferId, int StreamApplicationId, int? ApplicationId,
    string ApplicantId, IReadOnlyList<string> Projects, DateTime StartedAt, DateOnly EndsOn, bool Extended, Assessment? LatestAssessment, DateTime? LatestAssessmentAt);

/// <summary>The one query of the cohort, paged by fellowship id: <c>/api/v1/fellows</c> and the fellows export.</summary>
public static class FellowshipRows
{
    public static async Task<IReadOnlyList<FellowshipRow>> PageAsync(CohortDbContext db, FellowshipFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var rows = await db.Fellowships.AsNoTracking()
            .Where(f => f.Id > afterId && (filter.SeasonId == null || f.SeasonId == filter.SeasonId) && (filter.StreamId == null || f.StreamId == filter.StreamId)
                && (filter.Stream == null || db.Streams.Any(s => s.Id == f.StreamId && s.Slug == filter.Stream))
                && (filter.Extended == null || Extended(db).Any(e => e.FellowshipId == f.Id) == filter.Extended))
            .OrderBy(f => f.Id).Take(take)
            .Select(f => new
            {
                Fellowship = f,
                Season = db.Seasons.Where(s => s.Id == f.SeasonId).Select(s => s.Slug).First(),
                Stream = db.Streams.Where(s => s.Id == f.StreamId).Select(s => new { s.Slug, s.Name }).First(),
                Extended = Extended(db).Any(e => e.FellowshipId == f.Id),
                // Two scalar subqueries rather than one row: SQLite cannot join a subquery per row (no APPLY or LATERAL).
                Latest = db.CheckIns.Where(c => c.FellowshipId == f.Id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => (Assessment?)c.Assessment).FirstOrDefault(),
                LatestAt = db.CheckIns.Where(c => c.FellowshipId == f.Id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => (DateTime?)c.At).FirstOrDefault(),
            })
            .ToListAsync(cancellation);

        var projects = await ProjectsAsync(db, rows.Select(r => r.Fellowship.StreamId).Distinct().ToList(), cancellation);
        var applications = new Dictionary<int, IReadOnlyDictionary<string, int>>();
        foreach (var season in rows.GroupBy(r => r.Fellowship.SeasonId))
        {
            applications[season.Key] = await ApplicantReferences.GeneralApplicationsAsync(db, season.Key, season.Select(r => r.Fellowship.ApplicantId).Distinct().ToList(), cancellation);
        }

        return rows.Select(r =>
        {
            var f = r.Fellowship;
            return new FellowshipRow(
                f.Id, f.SeasonId, r.Season, f.StreamId, r.Stream.Slug, r.Stream.Name, f.OfferId, f.StreamApplicationId,
                applications[f.SeasonId].TryGetValue(f.ApplicantId, out var application) ? application : null, f.ApplicantId,
                projects.TryGetValue((f.StreamId, f.ApplicantId), out var titles) ? titles : [], f.StartedAt, f.EndsOn, r.Extended, r.Latest, r.LatestAt);
        }).ToList();
    }

    /// <summary>The accepted extension applications: an extended fellowship has one.</summary>
    private static IQueryable<Extensions.ExtensionApplication> Extended(CohortDbContext db) =>
        db.ExtensionApplications.Where(e => e.State == ApplicationState.Advanced);

    /// <summary>The titles of the projects the streams' published project matches placed each fellow on, by stream and fellow.</summary>
    private static async Task<Dictionary<(int StreamId, string FellowId), IReadOnlyList<string>>> ProjectsAsync(CohortDbContext db, IReadOnlyList<int> streamIds, CancellationToken cancellation)
    {
        var placements = new List<(int StreamId, string FellowId, int ProjectId)>();
        foreach (var stream in streamIds)
        {
            placements.AddRange((await PublishedAssignments.SettledWithRunsAsync(db, stream, cancellation)).Select(s => (stream, s.Placement.CandidateId, s.Placement.HostId!.Value)));
        }

        var ids = placements.Select(p => p.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellation);
        return placements.GroupBy(p => (p.StreamId, p.FellowId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => titles[p.ProjectId]).Distinct().ToList());
    }
}
