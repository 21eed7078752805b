using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// One answer, with the item's prompt and rubric, and the form to score it. Saving moves on to the next answer you have
/// not scored. Answers not in the review queue (automatically scored items, open attempts, another season) answer 404.
/// </summary>
public class AnswerModel(CohortDbContext db, TimeProvider clock, ScoreAnswer score) : ReviewPage(db, clock)
{
    public AttemptAnswer Answer { get; private set; } = null!;

    /// <summary>How many other reviewers have scored this answer; their scores stay hidden so yours is independent.</summary>
    public int OtherReviews { get; private set; }

    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Points { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The answer as a link, for file items whose answer is an http or https address; null otherwise.</summary>
    public string? Link => Item.Kind == ItemKind.File && AnswerRules.IsWebAddress(Answer.Value.Trim()) ? Answer.Value.Trim() : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (!await FindAsync(id, cancellation))
        {
            return NotFound();
        }

        var yours = await Db.AnswerReviews.AsNoTracking().SingleOrDefaultAsync(r => r.AnswerId == id && r.ReviewerId == ReviewerId, cancellation);
        Points = yours?.Points.ToString("0.##", CultureInfo.InvariantCulture);
        Comment = yours?.Comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        if (!await FindAsync(id, cancellation))
        {
            return NotFound();
        }

        var outcome = await score.RunAsync(new Actor(ReviewerId, User.Identity?.Name ?? "reviewer"), id, Points, Comment, cancellation);
        if (outcome.Review is not { } review)
        {
            Refusal = outcome.Refusal;
            return Page();
        }

        var saved = $"Saved {review.Points.ToString("0.##", CultureInfo.InvariantCulture)} of {Item.Points} for attempt #{Answer.AttemptId}.";
        return await NextAnswerAsync(await SeasonIdAsync(cancellation), Answer.AttemptId, saved, cancellation);
    }

    private async Task<bool> FindAsync(int id, CancellationToken cancellation)
    {
        var seasonId = await SeasonIdAsync(cancellation);
        var itemId = await Db.Set<AttemptAnswer>().Where(a => a.Id == id).Select(a => (int?)a.ItemId).SingleOrDefaultAsync(cancellation);
        var answer = itemId is { } item && await FindItemAsync(item, seasonId, cancellation)
            ? await ReviewQueue.Answers(Db, ReviewerId, seasonId).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellation)
            : null;
        if (answer is null)
        {
            return false;
        }

        Answer = answer;
        OtherReviews = await Db.AnswerReviews.CountAsync(r => r.AnswerId == id && r.ReviewerId != ReviewerId, cancellation);
        return true;
    }
}
