using System.Globalization;
using Cohort.Core.Assessments;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// One answer, read blind, with the item's prompt and rubric, and the form to score it. Saving moves on to the next
/// answer you have not scored. Answers not in your review queue (automatically scored items, open attempts, another
/// season, an applicant you conflict with, a decided stage, or you out of the pool) answer 404.
/// </summary>
public class AnswerModel(CohortDbContext db, TimeProvider clock, ScoreAnswer score) : ReviewPage(db, clock)
{
    public int AttemptId { get; private set; }

    /// <summary>The answer as the season's blind settings let you see it; null when they hide it whole.</summary>
    public BlindAnswer? Shown { get; private set; }

    /// <summary>How many other reviewers have scored this answer; their scores stay hidden so yours is independent.</summary>
    public int OtherReviews { get; private set; }

    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Points { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

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

        var outcome = await score.RunAsync(User.AsActor(), id, Points, Comment, cancellation);
        if (outcome.Review is not { } review)
        {
            Refusal = outcome.Refusal;
            return Page();
        }

        var saved = $"Saved {review.Points.ToString("0.##", CultureInfo.InvariantCulture)} of {Item.Points} for attempt #{AttemptId}.";
        return await NextAnswerAsync(AttemptId, saved, cancellation);
    }

    private async Task<bool> FindAsync(int id, CancellationToken cancellation)
    {
        var itemId = await Db.Set<AttemptAnswer>().Where(a => a.Id == id).Select(a => (int?)a.ItemId).SingleOrDefaultAsync(cancellation);
        var answer = itemId is { } item && await FindItemAsync(item, cancellation)
            ? await Queue!.Answers.AsNoTracking().Select(a => new { a.Id, a.AttemptId, a.Value }).SingleOrDefaultAsync(a => a.Id == id, cancellation)
            : null;
        if (answer is null)
        {
            return false;
        }

        var applicantId = await Db.Attempts.Where(a => a.Id == answer.AttemptId).Select(a => a.ApplicantId).SingleAsync(cancellation);
        var reader = await BlindReader.ForAsync(Db, Queue!.Scope.SeasonId, applicantId, cancellation);
        (AttemptId, Shown) = (answer.AttemptId, reader.Read(Item, answer.Value));
        OtherReviews = await Db.AnswerReviews.CountAsync(r => r.AnswerId == id && r.ReviewerId != ReviewerId, cancellation);
        return true;
    }
}
