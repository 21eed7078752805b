using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>One bid to set: a level, or null to withdraw the bid.</summary>
public sealed record BidChange(int SubjectId, BidLevel? Level);

/// <param name="Refusal">Why nothing was saved, or null.</param>
/// <param name="Changed">Bids set, changed or withdrawn.</param>
public sealed record BidsOutcome(string? Refusal, int Changed);

/// <summary>
/// Saves a reviewer's bids on a draft round, all or nothing: every change is checked (the reviewer is in the round's
/// season's pool, the round is a draft, each subject is the round's and on their <see cref="BidSheet"/>, none twice)
/// before any is written. A conflict bid declares a conflict with the subject's applicant through
/// <see cref="DeclareConflicts"/>, so the pair is never assigned by the same rule as every declared conflict; changing
/// or withdrawing it withdraws the declaration it made (one declared before it, by an admin say, stays).
/// </summary>
public sealed class PlaceBids(CohortDbContext db, TimeProvider clock, AuditLog audit, DeclareConflicts declare)
{
    public async Task<BidsOutcome> RunAsync(Actor reviewer, int roundId, IReadOnlyList<BidChange> changes, CancellationToken cancellation = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        // The transaction's first statement takes the reviewer's profile row for the round's season (bumping its version
        // for anyone holding an older read), so of two saves of one reviewer's bids at once (two windows) the later waits
        // for the earlier. Taken later, in EF's batch beside the bid and conflict rows, the two saves could lock those
        // rows in opposite orders, and PostgreSQL ended one of them as a deadlock: a 500. The sheet is read after it, when
        // no other save of these bids can commit: read before, its queries could straddle such a commit (the declared
        // conflicts from before a save withdrew a conflict bid, the bids from after), take the conflict for one declared
        // otherwise, and refuse the application as not open to bids.
        await db.ReviewerProfiles.Where(p => p.UserId == reviewer.UserId && db.ReviewRounds.Any(r => r.Id == roundId && r.SeasonId == p.SeasonId))
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Version, x => x.Version + 1), cancellation);
        var (sheet, refusal) = await BidSheet.OpenAsync(db, reviewer.UserId ?? "", roundId, cancellation);
        if (sheet is null)
        {
            return new(refusal, 0);
        }

        if (changes.GroupBy(c => c.SubjectId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return new($"{BidSheet.Reference(twice.Key)} has more than one bid in what was sent: give it one.", 0);
        }

        if (changes.FirstOrDefault(c => sheet.Entries.All(e => e.SubjectId != c.SubjectId)) is { } unknown)
        {
            return new($"{BidSheet.Reference(unknown.SubjectId)} is not open to you for bidding in this round.", 0);
        }

        if (changes.FirstOrDefault(c => c.Level is { } level && !Enum.IsDefined(level)) is { } odd)
        {
            return new($"“{odd.Level}” is not a bid: choose eager, willing, not willing or conflict.", 0);
        }

        var existing = await db.Bids.Where(b => b.RoundId == roundId && b.ReviewerId == reviewer.UserId).ToDictionaryAsync(b => b.SubjectId, cancellation);
        var changed = changes.Where(c => existing.GetValueOrDefault(c.SubjectId)?.Level != c.Level).ToList();
        if (changed.Count == 0)
        {
            return new(null, 0);
        }

        var subjects = sheet.Facts.Subjects.ToDictionary(s => s.Id);
        var declaring = changed.Where(c => c.Level == BidLevel.Conflict).ToList();
        if (!await DeclareAsync(reviewer, sheet, declaring.Select(c => subjects[c.SubjectId]).ToList(), cancellation))
        {
            return new(Race, 0);
        }

        var declared = await DeclaredAsync(sheet, cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in changed)
        {
            var bid = existing.GetValueOrDefault(change.SubjectId);
            if (bid?.DeclaredConflictId is { } made)
            {
                // Withdrawn by another save since the bids were read: that save bumped the profile, so this one is refused.
                if (await db.Set<DeclaredConflict>().SingleOrDefaultAsync(c => c.Id == made, cancellation) is not { } conflict)
                {
                    return new(Race, 0);
                }

                db.Remove(conflict);
            }

            if (change.Level is not { } level)
            {
                db.Bids.Remove(bid!);
                continue;
            }

            if (bid is null)
            {
                bid = new Bid { RoundId = roundId, ReviewerId = reviewer.UserId!, SubjectId = change.SubjectId };
                db.Bids.Add(bid);
            }

            (bid.Level, bid.UpdatedAt) = (level, now);
            bid.DeclaredConflictId = level == BidLevel.Conflict ? declared.GetValueOrDefault(subjects[change.SubjectId].Applicant.ApplicantId) : null;
        }

        audit.Record(reviewer, "review-round.bids", $"review-round:{roundId}",
            string.Join("; ", changed.Select(c => $"application #{c.SubjectId}: {c.Level?.ToString() ?? "withdrawn"}")));
        if (!await db.TrySaveAsync(cancellation))
        {
            return new(Race, 0);
        }

        await transaction.CommitAsync(cancellation);
        return new(null, changed.Count);
    }

    public const string Race = "Your bids changed elsewhere at the same moment, so nothing was saved. Reload the page and bid again.";

    /// <summary>Declares the conflicts of the new conflict bids; false when another change to the conflicts came first.</summary>
    private async Task<bool> DeclareAsync(Actor reviewer, BidSheet sheet, IReadOnlyList<ReviewSubject> subjects, CancellationToken cancellation)
    {
        if (subjects.Count == 0)
        {
            return true;
        }

        var reason = $"Conflict bid in review round “{sheet.Facts.Round.Name}”";
        var outcome = await declare.RunAsync(reviewer, sheet.Facts.Round.SeasonId,
            subjects.Select(s => new ConflictDeclaration(sheet.Reviewer.Facts.Email, s.Applicant.Email, reason)).ToList(), cancellation);
        return outcome.Problems.Count == 0;
    }

    /// <summary>
    /// The conflicts declared by this round's conflict bids, by applicant: the ones just declared and those its earlier
    /// bids made; a conflict declared otherwise is not the bid's to withdraw.
    /// </summary>
    private async Task<Dictionary<string, int>> DeclaredAsync(BidSheet sheet, CancellationToken cancellation)
    {
        var reviewerId = sheet.Reviewer.Profile.UserId;
        var before = sheet.Reviewer.Facts.DeclaredApplicantIds;
        var declared = await db.Set<DeclaredConflict>().Where(c => c.ReviewerProfileId == sheet.Reviewer.Profile.Id).ToListAsync(cancellation);
        var ownBefore = await db.Bids.Where(b => b.ReviewerId == reviewerId && b.DeclaredConflictId != null).Select(b => b.DeclaredConflictId!.Value).ToListAsync(cancellation);
        return declared.Where(c => !before.Contains(c.ApplicantId) || ownBefore.Contains(c.Id)).ToDictionary(c => c.ApplicantId, c => c.Id);
    }
}
