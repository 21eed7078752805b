using Cohort.Core.Accounts;
using Cohort.Core.Programme;
using Cohort.Web.Pages.Shared.Programme;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// The fellow's own page: their fellowship of the latest season they were a fellow of (or of <c>season</c>), where they
/// hand in their milestones and read their mentors' sign-offs and check-ins. Only the fellow's own fellowships are
/// looked up, so anyone else, and a season they were not a fellow of, gets 404.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class FellowshipModel(CohortDbContext db, TimeProvider clock, SubmitMilestone submit) : PageModel
{
    public FellowshipView View { get; private set; } = null!;

    /// <summary>The fellow's other seasons, when they were a fellow more than once.</summary>
    public List<(int SeasonId, string Name)> Seasons { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? season, CancellationToken cancellation) =>
        await LoadAsync(season, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(int? season, int milestone, string? text, string? link, IFormFile? pdf, CancellationToken cancellation)
    {
        if (!await LoadAsync(season, cancellation))
        {
            return NotFound();
        }

        await using var content = pdf?.OpenReadStream();
        Refusal = await submit.RunAsync(User.Id(), View.Fellowship.Id, milestone, new MilestoneAnswer(text, link, content, pdf?.FileName), cancellation);
        if (Refusal is null)
        {
            TempData["Notice"] = "Your submission is handed in.";
            return RedirectToPage(new { season = View.Fellowship.SeasonId });
        }

        await LoadAsync(season, cancellation);
        return Page();
    }

    private async Task<bool> LoadAsync(int? season, CancellationToken cancellation)
    {
        var mine = await FellowshipScope.OfFellow(db, User.Id()).AsNoTracking()
            .Join(db.Seasons, f => f.SeasonId, s => s.Id, (f, s) => new { Fellowship = f, s.Name, s.ProgrammeStart })
            .OrderByDescending(f => f.ProgrammeStart).ToListAsync(cancellation);
        var chosen = mine.FirstOrDefault(f => season is null || f.Fellowship.SeasonId == season);
        if (chosen is null)
        {
            return false;
        }

        Seasons = mine.Select(f => (f.Fellowship.SeasonId, f.Name)).ToList();
        View = await FellowshipView.LoadAsync(db, chosen.Fellowship, FellowshipReader.Fellow, clock.GetUtcNow().UtcDateTime, cancellation);
        return true;
    }
}
