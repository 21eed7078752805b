using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>One answer a reviewer may score, without anything that names the applicant: the attempt id is the reference.</summary>
/// <param name="Reviews">How many reviewers have scored it, this one included.</param>
/// <param name="YourPoints">This reviewer's score of it, or null if they have not scored it.</param>
public sealed record QueueEntry(int AnswerId, int AttemptId, int ItemId, int Reviews, double? YourPoints);

/// <summary>
/// The answers one reviewer of the current season's pool can score: non-empty answers to free text, code and file
/// items of closed attempts at the season's stage 2 assessments whose stage is not yet decided, except their own and
/// those of applicants they conflict with (<see cref="ReviewerScope"/>). A stream's follow-up is not among them: its
/// mentors judge its answers in the application view. Callers close expired attempts first, so none is missed.
/// </summary>
public sealed class ReviewQueue
{
    private readonly CohortDbContext db;
    private readonly string[] conflicted;

    private ReviewQueue(CohortDbContext db, ReviewerScope scope, string[] conflicted) => (this.db, Scope, this.conflicted) = (db, scope, conflicted);

    public ReviewerScope Scope { get; }

    private string ReviewerId => Scope.ReviewerId;

    /// <summary>The queue of <paramref name="reviewerId"/>; null when they are not in the current season's pool, whatever their role.</summary>
    public static async Task<ReviewQueue?> OpenAsync(CohortDbContext db, string? reviewerId, CancellationToken cancellation)
    {
        if (await ReviewerScope.CurrentAsync(db, reviewerId, cancellation) is not { } scope)
        {
            return null;
        }

        var applicants = db.Attempts.Where(a => a.ClosedAt != null && a.Assessment!.Track!.SeasonId == scope.SeasonId).Select(a => a.ApplicantId);
        return new(db, scope, await scope.ConflictedAsync(db, applicants, cancellation));
    }

    public IQueryable<AttemptAnswer> Answers =>
        AttemptScores.ReviewerScored(db).Where(a => db.Attempts.Undecided(db).Any(x => x.Id == a.AttemptId && x.ClosedAt != null
            && x.ApplicantId != ReviewerId && !conflicted.Contains(x.ApplicantId)
            && Invitations.AssessmentStageOf(db, Scope.SeasonId).Any(s => s.Id == x.AssessmentId)));

    /// <summary>The queue entries of the answers in <paramref name="answers"/> (already narrowed from <see cref="Answers"/>), oldest attempt first.</summary>
    public Task<List<QueueEntry>> EntriesAsync(IQueryable<AttemptAnswer> answers, CancellationToken cancellation) =>
        answers.OrderBy(a => a.AttemptId)
            .Select(a => new QueueEntry(a.Id, a.AttemptId, a.ItemId, db.AnswerReviews.Count(r => r.AnswerId == a.Id),
                db.AnswerReviews.Where(r => r.AnswerId == a.Id && r.ReviewerId == ReviewerId).Select(r => (double?)r.Points).FirstOrDefault()))
            .ToListAsync(cancellation);

    /// <summary>
    /// The next answer to <paramref name="itemId"/> the reviewer has not scored, after the attempt <paramref name="afterAttemptId"/>
    /// and wrapping around to the start, so skipping an answer moves on and comes back to it last; null when none is left.
    /// </summary>
    public async Task<int?> NextAsync(int itemId, int afterAttemptId, CancellationToken cancellation)
    {
        var unscored = Answers.Where(a => a.ItemId == itemId && !db.AnswerReviews.Any(r => r.AnswerId == a.Id && r.ReviewerId == ReviewerId));
        return await unscored.Where(a => a.AttemptId > afterAttemptId).OrderBy(a => a.AttemptId).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellation)
            ?? await unscored.Where(a => a.AttemptId < afterAttemptId).OrderBy(a => a.AttemptId).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellation);
    }
}
