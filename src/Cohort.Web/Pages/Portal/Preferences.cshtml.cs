using Cohort.Core.Accounts;
using Cohort.Core.Portal;
using Cohort.Core.Preferences;
using Cohort.Web.Applications;
using Cohort.Web.Pages.Shared;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// The applicant orders the streams considering them, for the match. Only their own applications are listed or
/// accepted; after the season's ranking deadline the order is shown read-only.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class PreferencesModel(CohortDbContext db, SaveApplicantPreferences save, TimeProvider clock) : PageModel
{
    /// <summary>The streams to rank, keyed by stream application, named for the applicant.</summary>
    public Dictionary<int, string> Streams { get; private set; } = [];

    [BindProperty]
    public List<PreferenceFormRow> Ranking { get; set; } = [];

    public PreferenceRowsView Rows => new(nameof(Ranking), Ranking, Streams, "Stream", Marks: false, Notes: false);

    public DateTime? Deadline { get; private set; }

    public bool IsClosed { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>Why the applicant's selection is over (an accepted offer, a withdrawal): then there is nothing to rank.</summary>
    public string? Closure { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        Refusal = ModelState.IsValid ? await save.RunAsync(UserId.Of(User), PreferenceFormRow.ToPreferenceRows(Ranking), cancellation) : PreferenceFormRow.NotWholeNumbers;
        if (Refusal is null)
        {
            TempData["Notice"] = "Your ranking of the streams was saved.";
            return RedirectToPage();
        }

        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var me = UserId.Of(User);
        Closure = await ApplicantStandings.ClosureAsync(db, me, cancellation);
        Deadline = await ApplicantPreferences.DeadlineAsync(db, cancellation);
        IsClosed = clock.GetUtcNow().UtcDateTime > Deadline;
        var stored = await db.ApplicantStreamPreferences.AsNoTracking().Where(r => r.ApplicantId == me)
            .ToDictionaryAsync(r => r.StreamApplicationId, r => new PreferenceFormRow { StreamApplicationId = r.StreamApplicationId, Position = r.Position }, cancellation);
        var streams = await ApplicantPreferences.UnderConsideration(db, me).AsNoTracking().OrderBy(a => a.Stream!.Name)
            .Select(a => new { a.Id, a.Stream!.Name }).ToListAsync(cancellation);
        Streams = streams.OrderBy(s => stored.GetValueOrDefault(s.Id)?.Position ?? int.MaxValue).ToDictionary(s => s.Id, s => s.Name);
        Ranking = PreferenceFormRow.Merge(Streams.Keys, stored, Ranking);
    }
}
