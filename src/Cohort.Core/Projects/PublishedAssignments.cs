using System.Text.Json;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// What the stream's published assignment runs settled. A fellow placed by a published run has their project for
/// good; a later run assigns only the others (fellows left out, and those who became fellows since) on the places
/// still free. A stream publishes a handful of runs of a dozen fellows, so reading their results is cheap.
/// </summary>
public static class PublishedAssignments
{
    /// <summary>Every fellow a published run placed, with that placement, by fellow.</summary>
    public static async Task<Dictionary<string, Placement>> SettledAsync(CohortDbContext db, int streamId, CancellationToken cancellation) =>
        (await SettledWithRunsAsync(db, streamId, cancellation)).ToDictionary(s => s.Placement.CandidateId, s => s.Placement);

    /// <summary>The same placements with the run that made each, in run order: what the projects read and export show.</summary>
    public static async Task<List<(Placement Placement, int RunId)>> SettledWithRunsAsync(CohortDbContext db, int streamId, CancellationToken cancellation) =>
        (await PublishedRunsAsync(db, streamId, cancellation))
            .SelectMany(r => r.Result.Placements.Where(p => p.HostId is not null).Select(p => (p, r.Id))).ToList();

    /// <summary>
    /// What the fellow was told last: the published placement that settled their project, or else the latest
    /// published run's explanation of why it could not place them; null when no published run considered them.
    /// </summary>
    public static async Task<Placement?> OutcomeAsync(CohortDbContext db, int streamId, string fellowId, CancellationToken cancellation)
    {
        var theirs = (await PublishedAsync(db, streamId, cancellation)).Select(r => r.Placements.SingleOrDefault(p => p.CandidateId == fellowId)).OfType<Placement>().ToList();
        return theirs.FirstOrDefault(p => p.HostId is not null) ?? theirs.LastOrDefault();
    }

    /// <summary>How many settled fellows each project holds.</summary>
    public static Dictionary<int, int> PlacesTaken(IReadOnlyDictionary<string, Placement> settled) =>
        settled.Values.GroupBy(p => p.HostId!.Value).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<List<MatchResult>> PublishedAsync(CohortDbContext db, int streamId, CancellationToken cancellation) =>
        (await PublishedRunsAsync(db, streamId, cancellation)).Select(r => r.Result).ToList();

    private static async Task<List<(int Id, MatchResult Result)>> PublishedRunsAsync(CohortDbContext db, int streamId, CancellationToken cancellation) =>
        (await db.MatchRuns.AsNoTracking().ProjectMatches(streamId).Where(r => r.PublishedAt != null).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.ResultJson }).ToListAsync(cancellation))
        .Select(r => (r.Id, JsonSerializer.Deserialize<MatchResult>(r.ResultJson)!)).ToList();
}
