using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>A draft round of the reviewer's season they may bid in, with how many bids they have made there.</summary>
public sealed record BiddingRound(ReviewRound Round, int YourBids);

/// <summary>
/// One subject on a reviewer's bid sheet: its reference (never its applicant), their bid, and the fit of their
/// expertise before bids. <see cref="ConflictBid"/> marks a subject shown only so its conflict bid can be withdrawn.
/// </summary>
public sealed record BidEntry(int SubjectId, string Reference, BidLevel? Bid, int ExpertiseAffinity, bool ConflictBid);

/// <summary>
/// What a reviewer bids on, and when. Bidding happens while a round is a draft, before the solver assigns: once the
/// round opens its assignments are made, so bids would change nothing. Only a reviewer of the round's season's pool
/// bids, and only on subjects they may read: a subject they conflict with is left off their sheet, except one they
/// declared a conflict with by their own bid, which stays so they can withdraw it (its answers are not shown again).
/// The sheet is sorted by the fit of their expertise (<see cref="ReviewRoundFacts.ExpertiseAffinityOf"/>), best
/// first, so the subjects they know most about come first; bids do not reorder it.
/// </summary>
public sealed class BidSheet
{
    private BidSheet(ReviewRoundFacts facts, PoolReviewer reviewer, IReadOnlyList<BidEntry> entries) => (Facts, Reviewer, Entries) = (facts, reviewer, entries);

    public ReviewRoundFacts Facts { get; }

    public PoolReviewer Reviewer { get; }

    public IReadOnlyList<BidEntry> Entries { get; }

    /// <summary>The draft rounds of the season whose pool <paramref name="reviewerId"/> is in; empty outside the pool.</summary>
    public static async Task<IReadOnlyList<BiddingRound>> RoundsAsync(CohortDbContext db, string reviewerId, CancellationToken cancellation)
    {
        if (await ReviewerScope.CurrentAsync(db, reviewerId, cancellation) is not { } scope)
        {
            return [];
        }

        return await db.ReviewRounds.AsNoTracking().Where(r => r.SeasonId == scope.SeasonId && r.State == ReviewRoundState.Draft)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new BiddingRound(r, db.Bids.Count(b => b.RoundId == r.Id && b.ReviewerId == reviewerId)))
            .ToListAsync(cancellation);
    }

    /// <summary>The reviewer's sheet of round <paramref name="roundId"/>, or the reason they may not bid there.</summary>
    public static async Task<(BidSheet? Sheet, string? Refusal)> OpenAsync(CohortDbContext db, string reviewerId, int roundId, CancellationToken cancellation)
    {
        var scope = await ReviewerScope.CurrentAsync(db, reviewerId, cancellation);
        var round = scope is null ? null
            : await db.ReviewRounds.AsNoTracking().Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == roundId && r.SeasonId == scope.SeasonId, cancellation);
        if (scope is null || round is null)
        {
            return (null, scope is null ? NotInPool : NoSuchRound);
        }

        if (round.State != ReviewRoundState.Draft)
        {
            return (null, BiddingClosed);
        }

        var facts = await ReviewRoundFacts.LoadAsync(db, round, null, cancellation);
        var reviewer = facts.Reviewers.Single(r => r.Profile.UserId == reviewerId);
        var ownConflicts = await db.Bids.AsNoTracking().Where(b => b.RoundId == roundId && b.ReviewerId == reviewerId && b.Level == BidLevel.Conflict)
            .Select(b => b.SubjectId).ToListAsync(cancellation);
        var entries = facts.Subjects
            .Where(s => ReviewRoundFacts.Conflict(reviewer, s) is null || ownConflicts.Contains(s.Id))
            .Select(s => new BidEntry(s.Id, Reference(s.Id), facts.BidOf(reviewer, s), ReviewRoundFacts.ExpertiseAffinityOf(reviewer, s), ownConflicts.Contains(s.Id)))
            .OrderByDescending(e => e.ExpertiseAffinity).ThenBy(e => e.SubjectId)
            .ToList();
        return (new BidSheet(facts, reviewer, entries), null);
    }

    /// <summary>What the reviewer reads of a subject before bidding: its <see cref="ResearchStatement"/>.</summary>
    public Task<BlindApplication> BriefAsync(CohortDbContext db, int subjectId, CancellationToken cancellation) =>
        ResearchStatement.ReadAsync(db, Facts.Round, subjectId, cancellation);

    /// <summary>The name a reviewer knows a subject by before any assignment: its number in the round, never its applicant.</summary>
    public static string Reference(int subjectId) => $"Application B-{subjectId}";

    public const string NotInPool = "You are not in the current season's reviewer pool, so there is nothing for you to bid on.";
    public const string NoSuchRound = "There is no such review round in the current season.";
    public const string BiddingClosed = "Bidding has closed for this round: its reviewers are assigned once it opens, so bids no longer change anything.";
}
