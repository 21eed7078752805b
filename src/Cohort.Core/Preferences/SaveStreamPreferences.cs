using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Preferences;

/// <summary>
/// A mentor of a stream saves the stream's one list of preferences as a whole: the order of its applicants and who is
/// not acceptable. Applicants left without a rank or a mark are not in it, so the match will not place them there.
/// </summary>
public sealed class SaveStreamPreferences(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor mentor, int streamId, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellation = default)
    {
        if (await MentorPreferenceScope.RefusalAsync(db, mentor, streamId, rows, cancellation) is { } refusal)
        {
            return refusal;
        }

        // A not-acceptable applicant needs no rank: they go below everyone ranked, in the order listed.
        var ordered = PreferenceRules.InStoredOrder(rows);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = await db.StreamPreferences.Where(e => e.StreamId == streamId).ToListAsync(cancellation);
        var after = ordered.Select((r, index) => new StreamPreference
        {
            StreamId = streamId, StreamApplicationId = r.StreamApplicationId, Position = index + 1, NotAcceptable = r.NotAcceptable,
            UpdatedAt = now, UpdatedById = mentor.UserId!,
        }).ToList();
        db.StreamPreferences.RemoveRange(before);
        db.StreamPreferences.AddRange(after);
        audit.Record(mentor, "stream-ranking.saved", $"stream:{streamId}",
            $"before: {Summary(before)}; after: {Summary(after)}");
        return await MentorPreferenceScope.SaveAsync(db, cancellation);
    }

    private static string Summary(IEnumerable<StreamPreference> entries) =>
        PreferenceRules.Summary(entries.Select(e => (e.StreamApplicationId, (int?)e.Position, e.NotAcceptable)));
}
