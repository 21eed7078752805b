using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Rankings;

/// <summary>
/// A mentor of a stream saves the stream's one ranking as a whole: the order of its applicants and who is not
/// acceptable. Applicants left without a rank or a mark are not in the ranking, so the match will not place them there.
/// </summary>
public sealed class SaveStreamRanking(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor mentor, int streamId, IReadOnlyList<RankedRow> rows, CancellationToken cancellation = default)
    {
        if (await MentorRankingScope.RefusalAsync(db, mentor, streamId, rows, cancellation) is { } refusal)
        {
            return refusal;
        }

        // A not-acceptable applicant needs no rank: they go below everyone ranked, in the order listed.
        var ordered = RankingRules.InStoredOrder(rows);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = await db.StreamRankingEntries.Where(e => e.StreamId == streamId).ToListAsync(cancellation);
        var after = ordered.Select((r, index) => new StreamRankingEntry
        {
            StreamId = streamId, StreamApplicationId = r.StreamApplicationId, Position = index + 1, NotAcceptable = r.NotAcceptable,
            UpdatedAt = now, UpdatedById = mentor.UserId!,
        }).ToList();
        db.StreamRankingEntries.RemoveRange(before);
        db.StreamRankingEntries.AddRange(after);
        audit.Record(mentor, "stream-ranking.saved", $"stream:{streamId}",
            $"before: {Summary(before)}; after: {Summary(after)}");
        return await MentorRankingScope.SaveAsync(db, cancellation);
    }

    private static string Summary(IEnumerable<StreamRankingEntry> entries) =>
        RankingRules.Summary(entries.Select(e => (e.StreamApplicationId, (int?)e.Position, e.NotAcceptable)));
}
