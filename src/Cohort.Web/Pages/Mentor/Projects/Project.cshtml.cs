using Cohort.Core.Accounts;
using Cohort.Core.Projects;
using Cohort.Web.Applications;
using Cohort.Web.Projects;
using Cohort.Web.Pages.Shared;

namespace Cohort.Web.Pages.Mentoring.Projects;

/// <summary>
/// One project of the stream: its details, which any mentor of the stream may edit or withdraw, and its one ranking of
/// the stream's fellows, which the project's own mentors edit together.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class ProjectModel(CohortDbContext db, EditProject edit, SaveProjectPreferences savePreferences) : ProjectsPage(db)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Project Project { get; private set; } = null!;

    public string Mentors { get; private set; } = "";

    /// <summary>Whether the signed-in mentor mentors this project, and so may edit its ranking.</summary>
    public bool MentorsIt { get; private set; }

    /// <summary>The stream's fellows, keyed by the stream application of their accepted offer, in the order of the project's preferences.</summary>
    public Dictionary<int, string> Fellows { get; private set; } = [];

    [BindProperty]
    public ProjectInput Edit { get; set; } = new();

    [BindProperty]
    public List<PreferenceFormRow> Ranking { get; set; } = [];

    public MentorChoice EditMentors => new("Edit.MentorIds", "edit-mentor", StreamMentors, Edit.MentorIds);

    public PreferenceRowsView Rows => new(nameof(Ranking), Ranking, Fellows, "Fellow", Marks: true, Notes: false);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostEditAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => InStreamAsync(() => edit.RunAsync(Actor, Id, Edit.ToDetails(), cancellation)), "The project was saved.", cancellation);

    public Task<IActionResult> OnPostWithdrawAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => InStreamAsync(() => edit.WithdrawAsync(Actor, Id, cancellation)), "The project was withdrawn: fellows no longer see or rank it.", cancellation);

    public Task<IActionResult> OnPostRankingAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => InStreamAsync(() => savePreferences.RunAsync(Actor, Id, PreferenceFormRow.ToPreferenceRows(Ranking), cancellation)), "The project's ranking was saved.", cancellation);

    /// <summary>Runs <paramref name="change"/> only for a project of the stream in the address, so a page never acts on another stream's project.</summary>
    private async Task<string?> InStreamAsync(Func<Task<string?>> change) =>
        await Db.Projects.AnyAsync(p => p.Id == Id && p.StreamId == Stream.Id) ? await change() : EditProject.NoSuchProject;

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation))
        {
            return false;
        }

        var project = await Db.Projects.AsNoTracking().Include(p => p.Mentors).SingleOrDefaultAsync(p => p.Id == Id && p.StreamId == Stream.Id, cancellation);
        if (project is null)
        {
            return false;
        }

        Project = project;
        if (!Request.HasFormContentType || !Request.Form.ContainsKey("Edit.Title"))
        {
            // A refused edit comes back as typed; anything else shows the project as stored.
            Edit = ProjectInput.Of(project);
        }

        Mentors = (await MentorNamesAsync([Id], cancellation))[Id];
        var me = UserId.Of(User);
        MentorsIt = StreamMentors.Any(m => m.UserId == me && project.Mentors.Any(pm => pm.MentorId == m.Id));
        var entries = await Db.ProjectPreferences.AsNoTracking().Where(e => e.ProjectId == project.Id).ToDictionaryAsync(e => e.StreamApplicationId, cancellation);
        Fellows = (await FellowsAsync(cancellation)).OrderBy(f => entries.TryGetValue(f.Key, out var e) ? e.Position : int.MaxValue).ToDictionary(f => f.Key, f => f.Value);
        Ranking = PreferenceFormRow.Merge(Fellows.Keys, entries.Values.ToDictionary(e => e.StreamApplicationId,
            e => new PreferenceFormRow { StreamApplicationId = e.StreamApplicationId, Position = e.Position, NotAcceptable = e.NotAcceptable }), Ranking);
        return true;
    }
}
