using System.Text.Json;
using Cohort.Core.Match;
using Cohort.Core.Projects;

namespace Cohort.Web.Pages.Admin.Projects;

/// <summary>
/// Every stream's project assignment at a glance: its fellows, projects, pitches waiting and latest run. An admin can
/// run and publish a stream's assignment, as its mentors can, when they cannot.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, RunProjectMatch runAssignment, PublishProjectMatch publish, PublicOrigin origin) : AuditedPage(db, audit)
{
    public sealed record StreamRow(int Id, string Name, int Fellows, int Projects, int Pitches, MatchRun? Latest);

    public List<StreamRow> Streams { get; private set; } = [];

    /// <summary>The stream asked for with <c>?stream=</c>, and its latest run's view.</summary>
    public StreamRow? Shown { get; private set; }

    public ProjectMatchView? Run { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Stream { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var streams = await Db.Streams.AsNoTracking().Where(s => s.Track!.Season!.IsCurrent).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellation);
        var ids = streams.Select(s => s.Id).ToList();
        var fellows = await Core.Projects.Fellows.All(Db).Where(o => ids.Contains(o.StreamId)).GroupBy(o => o.StreamId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellation);
        var projects = await Db.Projects.Where(p => ids.Contains(p.StreamId)).GroupBy(p => new { p.StreamId, p.State })
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => (g.Key.StreamId, g.Key.State), g => g.Count, cancellation);
        var latest = (await Db.MatchRuns.AsNoTracking().Where(r => r.Kind == MatchKind.Projects && ids.Contains(r.StreamId!.Value)).ToListAsync(cancellation))
            .GroupBy(r => r.StreamId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        Streams = streams.Select(s => new StreamRow(s.Id, s.Name, fellows.GetValueOrDefault(s.Id),
            projects.GetValueOrDefault((s.Id, ProjectState.Approved)), projects.GetValueOrDefault((s.Id, ProjectState.Pending)), latest.GetValueOrDefault(s.Id))).ToList();
        Shown = Streams.SingleOrDefault(s => s.Id == Stream);
        if (Stream is not null && Shown is null)
        {
            return NotFound();
        }

        if (Shown?.Latest is { } run)
        {
            Run = new ProjectMatchView(run, JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!, run.PublishedAt is null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(int streamId, CancellationToken cancellation) =>
        RedirectWithNotice(await runAssignment.RunAsync(User.AsActor(), streamId, cancellation) ?? "The assignment was run: its result is below. Nothing is published yet.",
            "/Admin/Projects/Index", new { stream = streamId });

    public async Task<IActionResult> OnPostPublishAsync(int runId, CancellationToken cancellation)
    {
        var refusal = await publish.RunAsync(User.AsActor(), runId, origin.Link("/portal/projects"), cancellation);
        var stream = await Db.MatchRuns.Where(r => r.Id == runId && r.Kind == MatchKind.Projects).Select(r => r.StreamId).SingleOrDefaultAsync(cancellation);
        return RedirectWithNotice(refusal ?? "Published: every fellow sees their project in their portal, and was mailed.", "/Admin/Projects/Index", new { stream });
    }
}
