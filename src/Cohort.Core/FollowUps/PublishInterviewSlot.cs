using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

/// <summary>A mentor of a stream offers one interview time to its applicants.</summary>
public sealed class PublishInterviewSlot(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public const int ShortestMinutes = 10;
    public const int LongestMinutes = 240;

    public async Task<string?> RunAsync(Actor mentor, int streamId, DateTime startsAtUtc, int minutes, string location, CancellationToken cancellation = default)
    {
        if (mentor.UserId is null || !await MentorStreams.Of(db, mentor.UserId).AnyAsync(s => s.Id == streamId, cancellation))
        {
            return "Only a mentor of this stream can publish its interview slots.";
        }

        location = location.Trim();
        var problem = (startsAtUtc, minutes, location) switch
        {
            _ when startsAtUtc <= clock.GetUtcNow().UtcDateTime => "The slot must start in the future.",
            _ when minutes is < ShortestMinutes or > LongestMinutes => $"An interview lasts between {ShortestMinutes} and {LongestMinutes} minutes.",
            _ when location.Length is 0 or > 500 => "Say where the interview happens: a room or a video-call link (at most 500 characters).",
            _ => null,
        };
        if (problem is not null)
        {
            return problem;
        }

        var slot = new InterviewSlot { StreamId = streamId, StartsAt = DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), Minutes = minutes, Location = location };
        db.InterviewSlots.Add(slot);
        audit.Record(mentor, "interview-slot.published", $"stream:{streamId}", $"{slot.StartsAt:yyyy-MM-dd HH:mm} UTC, {minutes} min");
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
