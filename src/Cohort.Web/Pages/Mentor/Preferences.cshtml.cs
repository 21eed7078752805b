using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Preferences;
using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Mentor;

/// <summary>
/// The stream's one list of preferences over the applicants it is considering, which its mentors rank together, and
/// each mentor's own input beside it so coalition mentors see where the others stand.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class PreferencesModel(CohortDbContext db, SaveStreamPreferences savePreferences, SaveMentorInput saveInput) : MentorPage(db)
{
    public sealed record Applicant(int ApplicationId, string Name, ApplicationState State);

    public sealed record CoMentor(string Name, List<MentorPreferenceInput> Inputs);

    /// <summary>The applicants under consideration, keyed by application, in the order of the stream's preferences.</summary>
    public Dictionary<int, Applicant> Applicants { get; private set; } = [];

    [BindProperty]
    public List<PreferenceFormRow> Ranking { get; set; } = [];

    [BindProperty]
    public List<PreferenceFormRow> Mine { get; set; } = [];

    public List<CoMentor> CoMentors { get; private set; } = [];

    public PreferenceRowsView StreamRows => new(nameof(Ranking), Ranking, Names, "Applicant", Marks: true, Notes: false);

    public PreferenceRowsView MyRows => new(nameof(Mine), Mine, Names, "Applicant", Marks: true, Notes: true);

    private Dictionary<int, string> Names => Applicants.ToDictionary(a => a.Key, a => a.Value.Name);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostRankingAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => savePreferences.RunAsync(User.AsActor(), Stream.Id, PreferenceFormRow.ToPreferenceRows(Ranking), cancellation), "The stream's ranking was saved.", cancellation);

    public Task<IActionResult> OnPostMineAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => saveInput.RunAsync(User.AsActor(), Stream.Id, PreferenceFormRow.ToPreferenceRows(Mine), cancellation), "Your input was saved.", cancellation);

    protected override string BadFormat => PreferenceFormRow.NotWholeNumbers;

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation))
        {
            return false;
        }

        var streamId = Stream.Id;
        var me = User.Id();
        var entries = await Db.StreamPreferences.AsNoTracking().Where(e => e.StreamId == streamId).ToDictionaryAsync(e => e.StreamApplicationId, cancellation);
        var applicants = await StreamsStage.UnderConsideration(Db).AsNoTracking().Where(a => a.StreamId == streamId)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new Applicant(a.Id, Db.Users.Where(u => u.Id == a.ApplicantId).Select(u => u.DisplayName).Single(), a.State))
            .ToListAsync(cancellation);
        Applicants = applicants.OrderBy(a => entries.TryGetValue(a.ApplicationId, out var e) ? e.Position : int.MaxValue)
            .ToDictionary(a => a.ApplicationId);

        var inputs = await Db.MentorPreferenceInputs.AsNoTracking().Where(i => i.StreamId == streamId).ToListAsync(cancellation);
        Ranking = PreferenceFormRow.Merge(Applicants.Keys, entries.Values.ToDictionary(e => e.StreamApplicationId,
            e => new PreferenceFormRow { StreamApplicationId = e.StreamApplicationId, Position = e.Position, NotAcceptable = e.NotAcceptable }), Ranking);
        Mine = PreferenceFormRow.Merge(Applicants.Keys, inputs.Where(i => i.MentorUserId == me).ToDictionary(i => i.StreamApplicationId,
            i => new PreferenceFormRow { StreamApplicationId = i.StreamApplicationId, Position = i.Position, NotAcceptable = i.NotAcceptable, Note = i.Note }), Mine);
        CoMentors = Stream.Mentors.Where(m => m.Mentor!.UserId is not null && m.Mentor.UserId != me).OrderBy(m => m.Position)
            .Select(m => new CoMentor(m.Mentor!.Name, inputs.Where(i => i.MentorUserId == m.Mentor.UserId && Applicants.ContainsKey(i.StreamApplicationId))
                .OrderBy(i => i.Position ?? int.MaxValue).ToList()))
            .ToList();
        return true;
    }
}
