using System.Text.Json;
using Cohort.Core.Accounts;
using Cohort.Core.Match;
using Cohort.Core.Projects;

namespace Cohort.Web.Pages.Mentor.Projects;

/// <summary>
/// The stream's project assignment: run it on both sides' rankings as they stand, see a run (the certificate, each
/// project's fill, each fellow's placement and why), and publish the latest stable one, once. After a publication, a
/// run assigns the fellows it did not settle.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class AssignmentModel(CohortDbContext db, RunProjectMatch runAssignment, PublishProjectMatch publish, PublicOrigin origin) : ProjectsPage(db)
{
    public List<MatchRun> Runs { get; private set; } = [];
    public MatchRun? Shown { get; private set; }
    public MatchResult? Result { get; private set; }

    /// <summary>Fellows of the stream no published run has settled: whom a next run would assign.</summary>
    public int Unsettled { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Run { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) && (Run is null || Shown is not null) ? Page() : NotFound();

    public Task<IActionResult> OnPostRunAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => runAssignment.RunAsync(User.AsActor(), Stream.Id, cancellation), "The assignment was run: its result is below. Nothing is published yet.", cancellation);

    public Task<IActionResult> OnPostPublishAsync(string slug, int runId, CancellationToken cancellation) =>
        ChangeAsync(slug, async () => await Db.MatchRuns.ProjectMatches(Stream.Id).AnyAsync(r => r.Id == runId, cancellation)
                ? await publish.RunAsync(User.AsActor(), runId, origin.Link("/portal/projects"), cancellation)
                : "There is no such run in this stream.",
            "Published: every fellow sees their project in their portal, and was mailed.", cancellation);

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation))
        {
            return false;
        }

        var streamId = Stream.Id;
        Runs = await Db.MatchRuns.AsNoTracking().ProjectMatches(streamId).OrderByDescending(r => r.Id).ToListAsync(cancellation);
        Shown = Run is { } id ? Runs.SingleOrDefault(r => r.Id == id) : Runs.FirstOrDefault();
        Result = Shown is null ? null : JsonSerializer.Deserialize<MatchResult>(Shown.ResultJson);
        var settled = await PublishedAssignments.SettledAsync(Db, streamId, cancellation);
        Unsettled = await Core.Projects.Fellows.Of(Db, streamId).CountAsync(o => !settled.Keys.Contains(o.ApplicantId), cancellation);
        return true;
    }
}
