using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// Base of the reviewer pages. Reviewing is blind and bounded: these pages read only the signed-in reviewer's
/// <see cref="ReviewQueue"/> (the current season's pool, no conflicts, undecided stages), and show an answer only
/// through the season's blind reading, never the applicant's account, so no name, email or user id can reach a
/// reviewer by mistake.
/// </summary>
public abstract class ReviewPage(CohortDbContext db, TimeProvider clock) : PageModel
{
    protected CohortDbContext Db { get; } = db;

    protected string ReviewerId => User.Id();

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Shown once, by the site layout, on the page a handler redirects to.</summary>
    [TempData]
    public string? Notice { get; set; }

    public Assessment Assessment { get; private set; } = null!;

    public AssessmentItem Item { get; private set; } = null!;

    /// <summary>The reviewer's queue once opened; null when they are not in the current season's pool.</summary>
    protected ReviewQueue? Queue { get; private set; }

    protected async Task<ReviewQueue?> OpenQueueAsync(CancellationToken cancellation) =>
        Queue ??= await ReviewQueue.OpenAsync(Db, ReviewerId, cancellation);

    /// <summary>
    /// Finds an item reviewers score in the reviewer's season's stage 2, after closing the attempts at its assessment
    /// whose time ran out, so their answers are in the queue without any background job. False for any other id (a
    /// stream's follow-up included: its mentors judge it), and for anyone outside the current season's pool.
    /// </summary>
    protected async Task<bool> FindItemAsync(int itemId, CancellationToken cancellation)
    {
        if (await OpenQueueAsync(cancellation) is not { } queue)
        {
            return false;
        }

        var assessment = await Invitations.AssessmentStageOf(Db, queue.Scope.SeasonId).AsNoTracking().Include(a => a.Items)
            .SingleOrDefaultAsync(a => a.Items.Any(i => i.Id == itemId), cancellation);
        var item = assessment?.Items.Single(i => i.Id == itemId);
        if (assessment is null || item!.IsScoredAutomatically)
        {
            return false;
        }

        await AttemptClosing.CloseExpiredAsync(Db, assessment.Id, Now, cancellation);
        (Assessment, Item) = (assessment, item);
        return true;
    }

    /// <summary>
    /// The "next" flow: opens the next answer to <see cref="Item"/> you have not scored after attempt <paramref name="afterAttemptId"/>,
    /// or the item's list when none is left. <paramref name="notice"/> (what was just saved) is shown either way.
    /// </summary>
    protected async Task<IActionResult> NextAnswerAsync(int afterAttemptId, string notice, CancellationToken cancellation)
    {
        var next = await Queue!.NextAsync(Item.Id, afterAttemptId, cancellation);
        var done = next is null ? "You have scored every answer to this item." : "";
        Notice = $"{notice} {done}".Trim() is { Length: > 0 } text ? text : null;
        return next is { } answerId ? RedirectToPage("/Review/Answer", new { id = answerId }) : RedirectToPage("/Review/Item", new { id = Item.Id });
    }
}
