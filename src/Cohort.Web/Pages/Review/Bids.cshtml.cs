using Cohort.Core.Review;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// Where a reviewer bids: the current season's draft rounds, with how many bids they made in each, and their expertise
/// statement, which they write here in their own words. Outside the season's pool there is nothing to bid on.
/// </summary>
public class BidsModel(CohortDbContext db, WriteExpertiseStatement write) : PageModel
{
    public IReadOnlyList<BiddingRound> Rounds { get; private set; } = [];

    /// <summary>False when the signed-in account has no profile in the current season's reviewer pool.</summary>
    public bool InPool { get; private set; }

    [BindProperty]
    public string? Statement { get; set; }

    /// <summary>Shown once, by the site layout, after the statement is saved.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await LoadAsync(cancellation);
        Statement = await StatementAsync(cancellation);
    }

    public async Task<IActionResult> OnPostStatementAsync(CancellationToken cancellation)
    {
        if (await write.RunAsync(User.AsActor(), Statement, cancellation) is { } refusal)
        {
            ModelState.AddModelError(nameof(Statement), refusal);
            await LoadAsync(cancellation);
            return Page();
        }

        Notice = "Saved your expertise statement.";
        return RedirectToPage("/Review/Bids");
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        InPool = await ReviewerScope.CurrentAsync(db, User.Id(), cancellation) is not null;
        Rounds = await BidSheet.RoundsAsync(db, User.Id(), cancellation);
    }

    private async Task<string> StatementAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        return season is null ? ""
            : await db.ReviewerProfiles.Where(p => p.SeasonId == season.Id && p.UserId == User.Id()).Select(p => p.ExpertiseStatement).SingleOrDefaultAsync(cancellation) ?? "";
    }
}
