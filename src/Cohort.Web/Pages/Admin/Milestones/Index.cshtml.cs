using Cohort.Core.Programme;

namespace Cohort.Web.Pages.Admin.Milestones;

/// <summary>
/// The programme's milestones of a season (the latest season with fellows unless another is chosen), with how many
/// fellows have handed in and been signed off on each.
/// </summary>
public class IndexModel(CohortDbContext db, SaveMilestone save) : PageModel
{
    public sealed record Row(Milestone Milestone, string? Round, int Submitted, int SignedOff);

    public List<(int Id, string Name)> Seasons { get; private set; } = [];
    public int? SeasonId { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public string? Refusal { get; private set; }

    public Task OnGetAsync(int? season, CancellationToken cancellation) => LoadAsync(season, cancellation);

    public async Task<IActionResult> OnPostDeleteAsync(int id, int? season, CancellationToken cancellation)
    {
        Refusal = await save.DeleteAsync(User.AsActor(), id, cancellation);
        if (Refusal is null)
        {
            TempData["Notice"] = "The milestone is deleted.";
            return RedirectToPage(new { season });
        }

        await LoadAsync(season, cancellation);
        return Page();
    }

    private async Task LoadAsync(int? season, CancellationToken cancellation)
    {
        Seasons = (await db.Seasons.OrderByDescending(s => s.ProgrammeStart).Select(s => new { s.Id, s.Name }).ToListAsync(cancellation)).Select(s => (s.Id, s.Name)).ToList();
        SeasonId = await MilestoneSeasons.ChooseAsync(db, season, cancellation);
        Rows = await db.Milestones.AsNoTracking().Where(m => m.SeasonId == SeasonId).OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Select(m => new Row(m, db.ExtensionRounds.Where(r => r.Id == m.ExtensionRoundId).Select(r => r.Name).FirstOrDefault(),
                db.MilestoneSubmissions.Count(s => s.MilestoneId == m.Id), db.CheckIns.Count(c => c.MilestoneId == m.Id)))
            .ToListAsync(cancellation);
    }
}

/// <summary>Which season the milestone pages show: the one asked for, else the latest season with fellows, else the current one.</summary>
public static class MilestoneSeasons
{
    public static async Task<int?> ChooseAsync(CohortDbContext db, int? season, CancellationToken cancellation) =>
        season is { } asked && await db.Seasons.AnyAsync(s => s.Id == asked, cancellation) ? asked
        : await FellowshipScope.LatestSeasonIdAsync(db.Fellowships, db, cancellation)
          ?? await db.Seasons.Where(s => s.IsCurrent).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellation);
}
