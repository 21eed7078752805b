using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

/// <summary>An applicant gives up their interview slot with a stream, at latest <see cref="InterviewSlot.ChangeNotice"/> before it.</summary>
public sealed class CancelInterview(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(string applicantId, int streamId, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slot = await db.InterviewSlots.SingleOrDefaultAsync(s => s.StreamId == streamId && s.BookedById == applicantId, cancellation);
        if (slot is null)
        {
            return "You have no interview booked with this stream.";
        }

        if (!slot.IsChangeableAt(now))
        {
            return $"Your interview starts within {InterviewSlot.ChangeNotice.TotalHours:0} hours, so it can no longer be cancelled here. Please write to the mentors.";
        }

        slot.Release();
        var email = await db.Users.Where(u => u.Id == applicantId).Select(u => u.Email!).SingleAsync(cancellation);
        audit.Record(new Actor(applicantId, email), "interview.cancelled", $"interview-slot:{slot.Id}");
        try
        {
            await db.SaveChangesAsync(cancellation);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Your booking changed in another tab; please look at it again.";
        }
    }
}
