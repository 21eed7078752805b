using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

/// <summary>
/// An applicant gives up their interview slot with a stream, at latest <see cref="InterviewSlot.ChangeNotice"/> before it;
/// the stream's mentors are told in the same save.
/// </summary>
public sealed class CancelInterview(CohortDbContext db, TimeProvider clock, InterviewMail mail, AuditLog audit)
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
        var applicant = await db.Users.SingleAsync(u => u.Id == applicantId, cancellation);
        var stream = await db.Streams.SingleAsync(s => s.Id == streamId, cancellation);
        await mail.ToMentorsAsync(InterviewChange.Cancelled, applicant, stream, slot, null, cancellation);
        audit.Record(new Actor(applicantId, applicant.Email!), "interview.cancelled", $"interview-slot:{slot.Id}", stream.Slug);
        return await db.SaveOrRefuseAsync("Your booking changed in another tab; please look at it again.", cancellation);
    }
}
