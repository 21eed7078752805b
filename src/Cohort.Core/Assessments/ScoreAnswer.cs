using System.Globalization;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>What scoring left behind: the reviewer's review as it now stands, or why nothing was saved.</summary>
public sealed record ScoreOutcome(AnswerReview? Review, string? Refusal)
{
    public static ScoreOutcome Refused(string why) => new(null, why);
}

/// <summary>
/// A reviewer scores one answer of a closed attempt against the item's rubric, if it is in their
/// <see cref="ReviewQueue"/>: they are in the current season's pool, have no conflict with the applicant, and the
/// stage is not decided. Scoring it again changes the reviewer's own review; other reviewers' reviews of the same
/// answer are never touched. Each score is audited with the one before.
/// </summary>
public sealed class ScoreAnswer(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public const string FollowUp = "This answer is to a stream's follow-up assessment, which the stream's mentors judge; reviewers do not score it.";

    public async Task<ScoreOutcome> RunAsync(Actor reviewer, int answerId, string? points, string? comment, CancellationToken cancellation = default)
    {
        var reviewerId = reviewer.UserId ?? throw new ArgumentException("Only a signed-in reviewer scores answers.", nameof(reviewer));
        var now = clock.GetUtcNow().UtcDateTime;
        var attemptId = await db.Set<AttemptAnswer>().Where(a => a.Id == answerId).Select(a => (int?)a.AttemptId).SingleOrDefaultAsync(cancellation);
        var attempt = await db.Attempts.Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(x => x!.Items)
            .SingleOrDefaultAsync(a => a.Id == attemptId, cancellation);
        if (attempt is null)
        {
            return ScoreOutcome.Refused("There is no such answer.");
        }

        attempt = await AttemptClosing.CloseIfExpiredAsync(db, attempt, now, cancellation);
        var answer = attempt.Answers.Single(a => a.Id == answerId);
        var item = attempt.Assessment!.Items.Single(i => i.Id == answer.ItemId);
        if (Refusal(item, answer, attempt, reviewerId) is { } why)
        {
            return ScoreOutcome.Refused(why);
        }

        if (await ReviewQueue.OpenAsync(db, reviewerId, cancellation) is not { } queue || !await queue.Answers.AnyAsync(a => a.Id == answerId, cancellation))
        {
            return ScoreOutcome.Refused("This answer is not in your review queue: you are not in the current season's reviewer pool, " +
                "you have a conflict with the applicant, or their stage has been decided.");
        }

        if (ParsePoints(points, item.Points) is not { } score)
        {
            return ScoreOutcome.Refused($"Give the points as a number from 0 to {item.Points}, with at most two decimals (e.g. 2.5); nothing was saved.");
        }

        var text = comment?.Trim() ?? "";
        if (text.Length > AnswerReview.MaxCommentLength)
        {
            return ScoreOutcome.Refused($"Keep the comment under {AnswerReview.MaxCommentLength:N0} characters; nothing was saved.");
        }

        var review = await db.AnswerReviews.SingleOrDefaultAsync(r => r.AnswerId == answerId && r.ReviewerId == reviewerId, cancellation);
        var before = review is null ? "first score" : $"was {review.Points.ToString(CultureInfo.InvariantCulture)}";
        if (review is null)
        {
            review = new AnswerReview { AnswerId = answerId, ReviewerId = reviewerId };
            db.AnswerReviews.Add(review);
        }

        review.Points = score;
        review.Comment = text;
        review.ReviewedAt = now;
        audit.Record(reviewer, "answer.scored", $"attempt:{attempt.Id}",
            $"item {item.Position + 1} of {attempt.Assessment.Slug}: {score.ToString(CultureInfo.InvariantCulture)} of {item.Points} ({before})");
        // The same reviewer may save this answer from another window at the same moment; then that save stands.
        return await db.TrySaveAsync(cancellation)
            ? new(review, null)
            : ScoreOutcome.Refused("Your score for this answer was being saved from another window at the same moment; reload to see it, then score again if needed.");
    }

    private static string? Refusal(AssessmentItem item, AttemptAnswer answer, Attempt attempt, string reviewerId)
    {
        if (item.IsScoredAutomatically)
        {
            return "This item is scored automatically from its answer key; reviewers do not score it.";
        }

        if (attempt.Assessment!.StreamId is not null)
        {
            return FollowUp;
        }

        if (attempt.ClosedAt is null)
        {
            return "This attempt is still open; its answers can be scored once it is handed in or its time runs out.";
        }

        if (attempt.ApplicantId == reviewerId)
        {
            return "You cannot score your own answers.";
        }

        return answer.Value.Length == 0 ? "This answer is empty; it scores 0 without review." : null;
    }

    /// <summary>A number from 0 to <paramref name="max"/> with at most two decimals, in invariant notation; null for anything else.</summary>
    public static double? ParsePoints(string? text, int max) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value <= max && decimal.Round(value, 2) == value
            ? (double)value
            : null;
}
