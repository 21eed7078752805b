using Cohort.Core.Review;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// A reviewer declines one of their assignments (POST only), with an optional reason; a replacement is assigned at
/// once. Someone else's assignment, or one of a reviewer no longer in the current season's pool, answers 404. A
/// reviewer with a conflict may still decline: that is how the application finds another reviewer.
/// </summary>
public class DeclineModel(CohortDbContext db, TimeProvider clock, DeclineAssignment decline) : ReviewPage(db, clock)
{
    [BindProperty]
    public string? Reason { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        var scope = await ReviewerScope.CurrentAsync(Db, ReviewerId, cancellation);
        if (scope is null || !await Db.ReviewAssignments.AnyAsync(a => a.Id == id && a.ReviewerId == ReviewerId && a.Round!.SeasonId == scope.SeasonId, cancellation))
        {
            return NotFound();
        }

        var outcome = await decline.RunAsync(User.AsActor(), id, Reason, cancellation);
        Notice = outcome.Refusal ?? "You declined the assignment; another reviewer will read this application.";
        return RedirectToPage("/Review/Index");
    }
}
