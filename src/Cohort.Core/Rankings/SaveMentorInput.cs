using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Rankings;

/// <summary>
/// A mentor of a (coalition) stream saves their own ranks, marks and notes, which the stream's other mentors read
/// while agreeing on the stream's ranking. Replaces the mentor's previous input as a whole.
/// </summary>
public sealed class SaveMentorInput(CohortDbContext db, AuditLog audit)
{
    public const int MaxNoteLength = 2000;

    public async Task<string?> RunAsync(Actor mentor, int streamId, IReadOnlyList<RankedRow> rows, CancellationToken cancellation = default)
    {
        if (await MentorRankingScope.RefusalAsync(db, mentor, streamId, rows, cancellation) is { } refusal)
        {
            return refusal;
        }

        if (rows.Any(r => r.Note.Trim().Length > MaxNoteLength))
        {
            return $"A note is at most {MaxNoteLength} characters. Nothing was saved.";
        }

        var mentorId = mentor.UserId!;
        var before = await db.MentorRankingInputs.Where(i => i.StreamId == streamId && i.MentorUserId == mentorId).ToListAsync(cancellation);
        var after = rows.Where(r => r.Position is not null || r.NotAcceptable || !string.IsNullOrWhiteSpace(r.Note))
            .Select(r => new MentorRankingInput
            {
                StreamId = streamId, MentorUserId = mentorId, StreamApplicationId = r.StreamApplicationId,
                Position = r.Position, NotAcceptable = r.NotAcceptable, Note = r.Note.Trim(),
            }).ToList();
        db.MentorRankingInputs.RemoveRange(before);
        db.MentorRankingInputs.AddRange(after);
        audit.Record(mentor, "mentor-ranking-input.saved", $"stream:{streamId}", $"before: {Summary(before)}; after: {Summary(after)}");
        return await MentorRankingScope.SaveAsync(db, cancellation);
    }

    private static string Summary(IEnumerable<MentorRankingInput> inputs) =>
        RankingRules.Summary(inputs.Select(i => (i.StreamApplicationId, i.Position, i.NotAcceptable)));
}
