using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>One answer a reviewer may score, without anything that names the applicant: the attempt id is the reference.</summary>
/// <param name="Reviews">How many reviewers have scored it, this one included.</param>
/// <param name="YourPoints">This reviewer's score of it, or null if they have not scored it.</param>
public sealed record QueueEntry(int AnswerId, int AttemptId, int ItemId, int Reviews, double? YourPoints);

/// <summary>
/// The answers a reviewer can score: non-empty answers to free text, code and file items of closed attempts at the
/// season's stage 2 assessments, except the reviewer's own. A stream's follow-up is not among them: its mentors judge
/// its answers in the application view. Callers close expired attempts first, so none is missed.
/// </summary>
public static class ReviewQueue
{
    public static IQueryable<AttemptAnswer> Answers(CohortDbContext db, string reviewerId, int seasonId) =>
        AttemptScores.ReviewerScored(db).Where(a => db.Attempts.Any(x => x.Id == a.AttemptId && x.ClosedAt != null
            && x.ApplicantId != reviewerId && Invitations.StageTwoOf(db, seasonId).Any(s => s.Id == x.AssessmentId)));

    /// <summary>The queue entries of the answers in <paramref name="answers"/> (already narrowed by <see cref="Answers"/>), oldest attempt first.</summary>
    public static Task<List<QueueEntry>> EntriesAsync(CohortDbContext db, IQueryable<AttemptAnswer> answers, string reviewerId, CancellationToken cancellation) =>
        answers.OrderBy(a => a.AttemptId)
            .Select(a => new QueueEntry(a.Id, a.AttemptId, a.ItemId, db.AnswerReviews.Count(r => r.AnswerId == a.Id),
                db.AnswerReviews.Where(r => r.AnswerId == a.Id && r.ReviewerId == reviewerId).Select(r => (double?)r.Points).FirstOrDefault()))
            .ToListAsync(cancellation);

    /// <summary>
    /// The next answer to <paramref name="itemId"/> the reviewer has not scored, after the attempt <paramref name="afterAttemptId"/>
    /// and wrapping around to the start, so skipping an answer moves on and comes back to it last; null when none is left.
    /// </summary>
    public static async Task<int?> NextAsync(CohortDbContext db, string reviewerId, int seasonId, int itemId, int afterAttemptId, CancellationToken cancellation)
    {
        var unscored = Answers(db, reviewerId, seasonId).Where(a => a.ItemId == itemId && !db.AnswerReviews.Any(r => r.AnswerId == a.Id && r.ReviewerId == reviewerId));
        return await unscored.Where(a => a.AttemptId > afterAttemptId).OrderBy(a => a.AttemptId).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellation)
            ?? await unscored.Where(a => a.AttemptId < afterAttemptId).OrderBy(a => a.AttemptId).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellation);
    }
}
