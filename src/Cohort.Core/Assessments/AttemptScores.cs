using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>
/// Where one attempt's score stands. <see cref="ReviewedPoints"/> sums, over the answers reviewers score, the mean of
/// each answer's reviews; an answer no one has reviewed yet adds nothing and counts in <see cref="AwaitingReview"/>.
/// </summary>
/// <param name="AutoScore">Points from the automatically scored items; null while the attempt is open.</param>
public sealed record AttemptScore(int AttemptId, double? AutoScore, double ReviewedPoints, int AwaitingReview)
{
    /// <summary>Automatic and reviewed points together; null while the attempt is open.</summary>
    public double? Total => AutoScore is { } auto ? auto + ReviewedPoints : null;

    /// <summary>Closed, and every answer reviewers score has at least one review (an item left blank scores 0 and needs none).</summary>
    public bool IsFullyReviewed => AutoScore is not null && AwaitingReview == 0;
}

/// <summary>The scores of many attempts at once, in two queries whatever their number, for tables that show and filter by score.</summary>
public static class AttemptScores
{
    /// <summary>The score of each of <paramref name="attempts"/>, by attempt id.</summary>
    public static async Task<IReadOnlyDictionary<int, AttemptScore>> OfAsync(CohortDbContext db, IQueryable<Attempt> attempts, CancellationToken cancellation = default)
    {
        var autoScores = await attempts.Select(a => new { a.Id, a.AutoScore }).ToListAsync(cancellation);
        var reviewed = await ReviewerScored(db).Where(a => attempts.Any(x => x.Id == a.AttemptId))
            .Select(a => new { a.AttemptId, Mean = db.AnswerReviews.Where(r => r.AnswerId == a.Id).Average(r => (double?)r.Points) })
            .ToListAsync(cancellation);
        var byAttempt = reviewed.ToLookup(r => r.AttemptId, r => r.Mean);
        return autoScores.ToDictionary(a => a.Id, a => new AttemptScore(
            a.Id, a.AutoScore, byAttempt[a.Id].Sum(mean => mean ?? 0), byAttempt[a.Id].Count(mean => mean is null)));
    }

    /// <summary>
    /// The answers reviewers score: answers to free text, code and file items that are not empty. An answer left empty
    /// scores 0 without anyone having to open it.
    /// </summary>
    public static IQueryable<AttemptAnswer> ReviewerScored(CohortDbContext db) =>
        db.Set<AttemptAnswer>().Where(a => a.Value != ""
            && db.Set<AssessmentItem>().Any(i => i.Id == a.ItemId && AssessmentItem.ReviewerScoredKinds.Contains(i.Kind)));
}
