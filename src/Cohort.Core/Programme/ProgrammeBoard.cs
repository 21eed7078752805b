using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>One fellow's state on one milestone; null on a board for a milestone that does not apply to them (another extension round's).</summary>
public sealed record BoardCell(MilestoneState State, bool Late);

/// <summary>A fellow's row of a board: who, in which stream on which project, their latest assessment, how many milestones are overdue, and a cell a milestone.</summary>
public sealed record BoardRow(int FellowshipId, string Name, string Stream, string? Project, Assessment? Latest, int Overdue, IReadOnlyList<BoardCell?> Cells);

/// <summary>The fellows × milestones of a season (or one stream of it): the mentor's and the admin's board and the cohort list.</summary>
public sealed record Board(IReadOnlyList<Milestone> Milestones, IReadOnlyList<BoardRow> Rows);

/// <summary>
/// Builds the board of the fellowships a reader may see (<see cref="FellowshipScope"/>) in a season. Fellows off
/// track come first, then at risk (by their latest check-in or sign-off), then by how many milestones they have
/// overdue, then by name: the order in which a programme team wants to look at them.
/// </summary>
public static class ProgrammeBoard
{
    public static async Task<Board> LoadAsync(CohortDbContext db, IQueryable<Fellowship> visible, int seasonId, int? streamId, DateTime now, CancellationToken cancellation)
    {
        var fellows = await FellowshipScope.Cohort(visible, seasonId, streamId)
            .Join(db.Users, f => f.ApplicantId, u => u.Id, (f, u) => new { f.Id, f.StreamId, f.ApplicantId, u.DisplayName })
            .Join(db.Streams, f => f.StreamId, s => s.Id, (f, s) => new { f.Id, f.StreamId, f.ApplicantId, f.DisplayName, Stream = s.Name })
            .AsNoTracking().ToListAsync(cancellation);
        var ids = fellows.Select(f => f.Id).ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.SeasonId == seasonId).OrderBy(m => m.DueAt).ThenBy(m => m.Id).ToListAsync(cancellation);
        var submissions = (await db.MilestoneSubmissions.AsNoTracking().Where(s => ids.Contains(s.FellowshipId))
            .Select(s => new { s.FellowshipId, s.MilestoneId, s.SubmittedAt }).ToListAsync(cancellation))
            .ToDictionary(s => (s.FellowshipId, s.MilestoneId), s => s.SubmittedAt);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.FellowshipId))
            .Select(c => new { c.FellowshipId, c.MilestoneId, c.Assessment, c.At, c.Id }).ToListAsync(cancellation);
        var signOffs = checkIns.Where(c => c.MilestoneId is not null).ToDictionary(c => (c.FellowshipId, c.MilestoneId!.Value), c => c.Assessment);
        var latest = checkIns.GroupBy(c => c.FellowshipId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ThenBy(c => c.Id).Last().Assessment);
        var extended = (await db.ExtensionApplications.AsNoTracking().Where(a => ids.Contains(a.FellowshipId) && a.State == ApplicationState.Advanced)
            .Select(a => new { a.FellowshipId, a.RoundId }).ToListAsync(cancellation))
            .ToLookup(a => a.FellowshipId, a => a.RoundId);
        var projects = await ProjectsAsync(db, fellows.Select(f => f.StreamId).Distinct(), cancellation);

        var rows = fellows.Select(f =>
        {
            var rounds = extended[f.Id].ToHashSet();
            var cells = milestones.Select(m => MilestoneProgress.AppliesTo(m, rounds)
                ? Cell(m, submissions.TryGetValue((f.Id, m.Id), out var at) ? at : null, signOffs.TryGetValue((f.Id, m.Id), out var a) ? a : null, now)
                : null).ToList();
            return new BoardRow(f.Id, f.DisplayName, f.Stream, projects.GetValueOrDefault((f.StreamId, f.ApplicantId)),
                latest.TryGetValue(f.Id, out var last) ? last : null, cells.Count(c => c?.State == MilestoneState.Overdue), cells);
        });
        return new(milestones, rows.OrderBy(r => Concern(r.Latest)).ThenByDescending(r => r.Overdue).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.FellowshipId).ToList());
    }

    private static BoardCell Cell(Milestone milestone, DateTime? submittedAt, Assessment? signOff, DateTime now) =>
        new(MilestoneProgress.StateOf(milestone, submittedAt, signOff, now), submittedAt is { } at && MilestoneProgress.IsLate(milestone, at));

    private static int Concern(Assessment? latest) => latest switch
    {
        Assessment.OffTrack => 0,
        Assessment.AtRisk => 1,
        _ => 2,
    };

    /// <summary>Each fellow's project, from their streams' published project assignments, by (stream, fellow).</summary>
    public static async Task<Dictionary<(int StreamId, string ApplicantId), string>> ProjectsAsync(CohortDbContext db, IEnumerable<int> streamIds, CancellationToken cancellation)
    {
        var placed = new Dictionary<(int, string), int>();
        foreach (var streamId in streamIds)
        {
            foreach (var (fellow, placement) in await PublishedAssignments.SettledAsync(db, streamId, cancellation))
            {
                placed[(streamId, fellow)] = placement.HostId!.Value;
            }
        }

        var projectIds = placed.Values.Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellation);
        return placed.Where(p => titles.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => titles[p.Value]);
    }
}
