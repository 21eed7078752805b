using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

/// <summary>
/// An applicant under consideration by a stream books one of its interview slots, or moves their booking to
/// another slot. Both the slot booked and the slot left must be at least <see cref="InterviewSlot.ChangeNotice"/>
/// away. When two applicants race for the same slot, the slot's version lets exactly one of them have it. The
/// applicant gets a confirmation and the stream's mentors a note, queued with the booking.
/// </summary>
public sealed class BookInterview(CohortDbContext db, TimeProvider clock, InterviewMail mail, AuditLog audit)
{
    public const string Taken = "Someone else has just booked this slot; please choose another.";

    public async Task<string?> RunAsync(string applicantId, int slotId, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slot = await db.InterviewSlots.SingleOrDefaultAsync(s => s.Id == slotId, cancellation);
        var application = slot is null ? null : await db.StreamApplications.Include(a => a.Stream)
            .SingleOrDefaultAsync(a => a.StreamId == slot.StreamId && a.ApplicantId == applicantId, cancellation);
        if (slot is null || application is null || !application.IsUnderConsideration)
        {
            return "Interviews can be booked only with a stream you have submitted an application to.";
        }

        var current = await db.InterviewSlots.SingleOrDefaultAsync(s => s.StreamId == slot.StreamId && s.BookedById == applicantId, cancellation);
        if (current?.Id == slot.Id)
        {
            return null;
        }

        var problem = (current, slot) switch
        {
            ({ } held, _) when !held.IsChangeableAt(now) => $"Your interview starts within {InterviewSlot.ChangeNotice.TotalHours:0} hours, so it can no longer be moved. Please write to the mentors if something came up.",
            (_, _) when !slot.IsChangeableAt(now) => $"This slot starts within {InterviewSlot.ChangeNotice.TotalHours:0} hours and can no longer be booked; please choose a later one.",
            (_, { IsFree: false }) => Taken,
            _ => null,
        };
        if (problem is not null)
        {
            return problem;
        }

        current?.Release();
        slot.BookedById = applicantId;
        slot.BookedAt = now;
        var applicant = await db.Users.SingleAsync(u => u.Id == applicantId, cancellation);
        var stream = application.Stream!;
        mail.ToApplicant(applicant, stream, slot);
        await mail.ToMentorsAsync(current is null ? InterviewChange.Booked : InterviewChange.Rescheduled, applicant, stream, slot, current, cancellation);
        audit.Record(new Actor(applicantId, applicant.Email!), current is null ? "interview.booked" : "interview.rescheduled", $"interview-slot:{slot.Id}", stream.Slug);
        // Another booking of this slot (or of a second slot by the same applicant) may have been saved first.
        return await db.SaveOrRefuseAsync(Taken, cancellation);
    }
}
