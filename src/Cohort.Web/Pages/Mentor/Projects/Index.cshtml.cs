using Cohort.Core.Accounts;
using Cohort.Core.Projects;

namespace Cohort.Web.Pages.Mentor.Projects;

/// <summary>
/// The stream's projects: the approved ones, fellows' pitches waiting for a decision, a form to pitch one, and which
/// fellows have ranked them.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class IndexModel(CohortDbContext db, PitchProject pitch, DecidePitch decide) : ProjectsPage(db)
{
    public sealed record Row(Project Project, string Mentors, string PitchedBy);

    public sealed record FellowRow(string Name, int Ranked);

    public List<Row> Projects { get; private set; } = [];
    public List<FellowRow> FellowRows { get; private set; } = [];

    [BindProperty]
    public ProjectInput Pitch { get; set; } = new();

    public MentorChoice PitchMentors => new("Pitch.MentorIds", "pitch-mentor", StreamMentors, Pitch.MentorIds);

    /// <summary>The mentors to approve a pitch with: the approving mentor ticked, as the use case defaults to.</summary>
    public MentorChoice ApproveMentors(int projectId) => new("mentorIds", $"approve-{projectId}-mentor", StreamMentors, MyMentorIds);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostPitchAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => pitch.RunAsync(User.AsActor(), Stream.Id, Pitch.ToDetails(), cancellation), "The project was pitched; the stream's fellows can rank it now.", cancellation);

    public Task<IActionResult> OnPostApproveAsync(string slug, int projectId, int capacity, List<int> mentorIds, string? note, CancellationToken cancellation) =>
        ChangeAsync(slug, () => decide.ApproveAsync(User.AsActor(), projectId, capacity, mentorIds, note, cancellation), "The pitch was approved; the stream's fellows can rank it now.", cancellation);

    public Task<IActionResult> OnPostDeclineAsync(string slug, int projectId, string? note, CancellationToken cancellation) =>
        ChangeAsync(slug, () => decide.DeclineAsync(User.AsActor(), projectId, note, cancellation), "The pitch was declined; the fellow sees your note.", cancellation);

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation))
        {
            return false;
        }

        if (!Request.HasFormContentType || !Request.Form.ContainsKey("Pitch.Title"))
        {
            // A refused pitch comes back as typed; otherwise the form starts with the mentor as the project's mentor.
            Pitch = new ProjectInput { MentorIds = [.. MyMentorIds] };
        }

        var streamId = Stream.Id;
        var projects = await Db.Projects.AsNoTracking().Where(p => p.StreamId == streamId).OrderBy(p => p.State).ThenBy(p => p.Title).ToListAsync(cancellation);
        var mentors = await MentorNamesAsync(projects.Select(p => p.Id), cancellation);
        var pitchers = projects.Select(p => p.PitchedById).Distinct().ToList();
        var names = await Db.Users.AsNoTracking().Where(u => pitchers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellation);
        Projects = projects.Select(p => new Row(p, mentors[p.Id], names[p.PitchedById] + (p.PitchedByFellow ? " (fellow)" : ""))).ToList();
        var ranked = await Db.FellowProjectPreferences.AsNoTracking().Where(r => Db.Projects.Any(p => p.Id == r.ProjectId && p.StreamId == streamId && p.State == ProjectState.Approved))
            .GroupBy(r => r.ApplicantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellation);
        FellowRows = (await Core.Projects.Fellows.NamedOf(Db, streamId).ToListAsync(cancellation)).Select(f => new FellowRow(f.Name, ranked.GetValueOrDefault(f.ApplicantId))).ToList();
        return true;
    }
}
