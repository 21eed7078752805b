using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// An admin sets how a draft round's assignment is designed for calibration: the bridging share (the part of each
/// reviewer's load given outside their main topic), and the anchor applications that many reviewers read. Both take
/// effect at the next assignment by the solver; once a round is open its design no longer changes.
/// </summary>
public sealed class DesignReviewRound(CohortDbContext db, AuditLog audit)
{
    /// <summary>Above half, a reviewer's main topic would no longer hold most of their load.</summary>
    public const int MaxBridgingSharePercent = 50;

    /// <summary>Readers an anchor gets unless the admin says otherwise, at most the pool's size.</summary>
    public const int DefaultAnchorReaders = 8;

    /// <summary>Sets the bridging share, 0 (off) to <see cref="MaxBridgingSharePercent"/> percent; the refusal, or null once saved.</summary>
    public async Task<string?> SetBridgingShareAsync(Actor admin, int roundId, int percent, CancellationToken cancellation = default)
    {
        if (percent is < 0 or > MaxBridgingSharePercent)
        {
            return $"The bridging share must be a whole percentage from 0 (off) to {MaxBridgingSharePercent}; above half, a reviewer's main topic would no longer hold most of their load.";
        }

        if (await DraftAsync(roundId, cancellation) is not { } round)
        {
            return NotADraft;
        }

        int before = round.BridgingSharePercent;
        round.BridgingSharePercent = percent;
        audit.Record(admin, "review-round.bridging-share", $"review-round:{round.Id}", $"{before}% → {percent}%");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? null : ReviewRoundFacts.SimultaneousChange;
    }

    /// <summary>Marks <paramref name="subjectId"/> an anchor with <paramref name="readers"/> readers (or changes its readers); the refusal, or null once saved.</summary>
    public async Task<string?> MarkAnchorAsync(Actor admin, int roundId, int subjectId, int readers, CancellationToken cancellation = default)
    {
        if (await DraftAsync(roundId, cancellation) is not { } round)
        {
            return NotADraft;
        }

        var facts = await ReviewRoundFacts.LoadAsync(db, round, subjectId, cancellation);
        if (facts.Subjects.SingleOrDefault() is not { } subject)
        {
            return $"Application #{subjectId} is not reviewed in this round, so it cannot be an anchor.";
        }

        if (readers < 1 || readers > facts.Reviewers.Count)
        {
            return facts.Reviewers.Count == 0 ? "The reviewer pool is empty: add reviewers before choosing anchors."
                : $"An anchor's readers must be from 1 to {facts.Reviewers.Count}, the size of the reviewer pool.";
        }

        var anchor = round.Anchors.SingleOrDefault(a => a.SubjectId == subjectId);
        string change = anchor is null ? $"{subject.Label} marked an anchor with {readers} readers" : $"{subject.Label}'s readers {anchor.Readers} → {readers}";
        if (anchor is null)
        {
            round.Anchors.Add(new ReviewAnchor { RoundId = round.Id, SubjectId = subjectId, Readers = readers });
        }
        else
        {
            anchor.Readers = readers;
        }

        audit.Record(admin, "review-round.anchor-marked", $"review-round:{round.Id}", change);
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? null : ReviewRoundFacts.SimultaneousChange;
    }

    /// <summary>Makes <paramref name="subjectId"/> an ordinary application of the round again; the refusal, or null once saved.</summary>
    public async Task<string?> UnmarkAnchorAsync(Actor admin, int roundId, int subjectId, CancellationToken cancellation = default)
    {
        if (await DraftAsync(roundId, cancellation) is not { } round)
        {
            return NotADraft;
        }

        if (round.Anchors.SingleOrDefault(a => a.SubjectId == subjectId) is not { } anchor)
        {
            return $"Application #{subjectId} is not an anchor of this round.";
        }

        round.Anchors.Remove(anchor);
        db.Remove(anchor);
        audit.Record(admin, "review-round.anchor-unmarked", $"review-round:{round.Id}", $"application #{subjectId} (had {anchor.Readers} readers)");
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation) ? null : ReviewRoundFacts.SimultaneousChange;
    }

    private const string NotADraft = "A round's design is set while it is a draft; this round is already open or closed, or does not exist.";

    private async Task<ReviewRound?> DraftAsync(int roundId, CancellationToken cancellation) =>
        await db.ReviewRounds.Include(r => r.Assignments).Include(r => r.Anchors)
            .SingleOrDefaultAsync(r => r.Id == roundId && r.State == ReviewRoundState.Draft, cancellation);
}
