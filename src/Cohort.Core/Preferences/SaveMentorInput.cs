using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Preferences;

/// <summary>
/// A mentor of a (coalition) stream saves their own ranks, marks and notes, which the stream's other mentors read
/// while agreeing on the stream's preferences. Replaces the mentor's previous input as a whole.
/// </summary>
public sealed class SaveMentorInput(CohortDbContext db, AuditLog audit)
{
    public const int MaxNoteLength = 2000;

    public async Task<string?> RunAsync(Actor mentor, int streamId, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellation = default)
    {
        if (await MentorPreferenceScope.RefusalAsync(db, mentor, streamId, rows, cancellation) is { } refusal)
        {
            return refusal;
        }

        if (rows.Any(r => r.Note.Trim().Length > MaxNoteLength))
        {
            return $"A note is at most {MaxNoteLength} characters. Nothing was saved.";
        }

        var mentorId = mentor.UserId!;
        var before = await db.MentorPreferenceInputs.Where(i => i.StreamId == streamId && i.MentorUserId == mentorId).ToListAsync(cancellation);
        var after = rows.Where(r => r.Position is not null || r.NotAcceptable || !string.IsNullOrWhiteSpace(r.Note))
            .Select(r => new MentorPreferenceInput
            {
                StreamId = streamId, MentorUserId = mentorId, StreamApplicationId = r.StreamApplicationId,
                Position = r.Position, NotAcceptable = r.NotAcceptable, Note = r.Note.Trim(),
            }).ToList();
        db.MentorPreferenceInputs.RemoveRange(before);
        db.MentorPreferenceInputs.AddRange(after);
        audit.Record(mentor, "mentor-ranking-input.saved", $"stream:{streamId}", $"before: {Summary(before)}; after: {Summary(after)}");
        return await MentorPreferenceScope.SaveAsync(db, cancellation);
    }

    private static string Summary(IEnumerable<MentorPreferenceInput> inputs) =>
        PreferenceRules.Summary(inputs.Select(i => (i.StreamApplicationId, i.Position, i.NotAcceptable)));
}
