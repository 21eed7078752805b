using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Match;
using Cohort.Core.Projects;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// A fellow's projects page: their stream's approved projects, their own ranking of them, their pitches and, once a
/// published assignment settles it, their own project. Only fellows of a stream see it; anyone else gets 404.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class ProjectsModel(CohortDbContext db, SaveFellowProjectPreferences savePreferences, PitchOwnProject pitch) : PageModel
{
    public sealed record ProjectView(int Id, string Title, string Description, int Capacity, string Mentors);

    public sealed record PitchView(string Title, ProjectState State, string Note);

    public sealed class PitchInput
    {
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [Display(Name = "Description")]
        public string? Description { get; set; }
    }

    public string StreamName { get; private set; } = "";
    public List<ProjectView> Projects { get; private set; } = [];
    public List<PitchView> MyPitches { get; private set; } = [];

    /// <summary>The fellow's own line of the published assignments: the project that settled them, or the latest why none.</summary>
    public Placement? Outcome { get; private set; }

    /// <summary>The project a published assignment gave the fellow, or null.</summary>
    public ProjectView? MyProject => Outcome?.HostId is { } id ? Projects.SingleOrDefault(p => p.Id == id) : null;

    /// <summary>Whether a published assignment gave the fellow a project, which closes their ranking.</summary>
    public bool IsSettled { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public List<PreferenceFormRow> Ranking { get; set; } = [];

    [BindProperty]
    public PitchInput Pitch { get; set; } = new();

    public PreferenceRowsView Rows => new(nameof(Ranking), Ranking, Projects.ToDictionary(p => p.Id, p => p.Title), "Project", Marks: false, Notes: false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostRankingAsync(CancellationToken cancellation) =>
        ChangeAsync(() => savePreferences.RunAsync(User.AsActor(), PreferenceFormRow.ToPreferenceRows(Ranking), cancellation), PreferenceFormRow.NotWholeNumbers, "Your ranking of the projects was saved.", cancellation);

    public Task<IActionResult> OnPostPitchAsync(CancellationToken cancellation) =>
        ChangeAsync(() => pitch.RunAsync(User.AsActor(), Pitch.Title ?? "", Pitch.Description ?? "", cancellation), "Some fields are not in the expected format.",
            "Your pitch was sent: a mentor of your stream will approve or decline it.", cancellation);

    private async Task<IActionResult> ChangeAsync(Func<Task<string?>> change, string badFormat, string notice, CancellationToken cancellation)
    {
        if (!await Core.Projects.Fellows.PlaceOf(db, User.Id()).AnyAsync(cancellation))
        {
            return NotFound();
        }

        Refusal = ModelState.IsValid ? await change() : badFormat;
        if (Refusal is null)
        {
            TempData["Notice"] = notice;
            return RedirectToPage();
        }

        await LoadAsync(cancellation);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        var me = User.Id();
        var place = await Core.Projects.Fellows.PlaceOf(db, me).AsNoTracking().SingleOrDefaultAsync(cancellation);
        if (place is null)
        {
            return false;
        }

        var streamId = place.StreamId;
        StreamName = await db.Streams.Where(s => s.Id == streamId).Select(s => s.Name).SingleAsync(cancellation);
        var stored = await db.FellowProjectPreferences.AsNoTracking().Where(r => r.ApplicantId == me)
            .ToDictionaryAsync(r => r.ProjectId, r => new PreferenceFormRow { StreamApplicationId = r.ProjectId, Position = r.Position }, cancellation);
        var projects = await db.Projects.AsNoTracking().Where(p => p.StreamId == streamId && p.State == ProjectState.Approved).OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Description, p.Capacity, Mentors = p.Mentors.Select(m => m.Mentor!.Name).ToList() })
            .ToListAsync(cancellation);
        Projects = projects.OrderBy(p => stored.GetValueOrDefault(p.Id)?.Position ?? int.MaxValue)
            .Select(p => new ProjectView(p.Id, p.Title, p.Description, p.Capacity, string.Join(" and ", p.Mentors.Order(StringComparer.Ordinal)))).ToList();
        Ranking = PreferenceFormRow.Merge(Projects.Select(p => p.Id), stored, Ranking);
        MyPitches = await db.Projects.AsNoTracking().Where(p => p.PitchedById == me && p.StreamId == streamId).OrderBy(p => p.CreatedAt)
            .Select(p => new PitchView(p.Title, p.State, p.DecisionNote)).ToListAsync(cancellation);
        Outcome = await PublishedAssignments.OutcomeAsync(db, streamId, me, cancellation);
        IsSettled = Outcome?.HostId is not null;
        return true;
    }
}
