using Cohort.Core.Data;

namespace Cohort.Core.FollowUps;

/// <summary>
/// An interview time a mentor of a stream publishes. It holds at most one booking; the version makes two
/// applicants racing for it end with one booking, and the index on (stream, booked by) with one slot each.
/// </summary>
public class InterviewSlot : IVersioned
{
    /// <summary>Booking, rescheduling and cancelling stop this long before the interview, so mentors can plan their day.</summary>
    public static readonly TimeSpan ChangeNotice = TimeSpan.FromHours(24);

    public int Id { get; set; }
    public int StreamId { get; set; }
    public DateTime StartsAt { get; set; }
    public int Minutes { get; set; }

    /// <summary>Where the interview happens: a room, or a video-call link.</summary>
    public required string Location { get; set; }

    public string? BookedById { get; set; }
    public DateTime? BookedAt { get; set; }
    public int Version { get; set; }

    public DateTime EndsAt => StartsAt.AddMinutes(Minutes);

    public bool IsFree => BookedById is null;

    /// <summary>Whether the booking can still be made or changed at <paramref name="now"/>.</summary>
    public bool IsChangeableAt(DateTime now) => now <= StartsAt - ChangeNotice;

    public void Release()
    {
        BookedById = null;
        BookedAt = null;
    }
}
