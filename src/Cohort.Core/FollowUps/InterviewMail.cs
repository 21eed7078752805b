using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

public enum InterviewChange
{
    Booked,
    Rescheduled,
    Cancelled,
}

/// <summary>
/// The plain-text mail an interview booking sends, queued in the caller's unit of work so it goes out only if the
/// booking is saved: the applicant's confirmation, and a note to every mentor of the stream with an account.
/// </summary>
public sealed class InterviewMail(CohortDbContext db, Outbox outbox)
{
    public void ToApplicant(CohortUser applicant, ResearchStream stream, InterviewSlot slot) =>
        outbox.Enqueue(applicant.Email!, $"Your interview with {stream.Name}",
            $"Dear {applicant.DisplayName},\n\nYour interview with {stream.Name} is booked for {When(slot, applicant.TimeZoneId)} ({slot.Minutes} minutes). " +
            $"Where: {slot.Location}\n\nYou can download a calendar invite from your stream application page, and reschedule or cancel " +
            $"there until {InterviewSlot.ChangeNotice.TotalHours:0} hours before the interview.\n");

    /// <summary>
    /// Tells each mentor of <paramref name="stream"/> whose profile is linked to an account with an address what
    /// <paramref name="applicant"/> did. <paramref name="slot"/> is the interview concerned (the new one for a
    /// reschedule, the freed one for a cancellation); <paramref name="previous"/> the slot left by a reschedule.
    /// </summary>
    public async Task ToMentorsAsync(InterviewChange change, CohortUser applicant, ResearchStream stream, InterviewSlot slot, InterviewSlot? previous, CancellationToken cancellation)
    {
        var mentors = await db.StreamMentors.Where(m => m.StreamId == stream.Id && m.Mentor!.UserId != null)
            .Join(db.Users, m => m.Mentor!.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName, u.TimeZoneId })
            .Where(u => u.Email != null && u.Email != "")
            .ToListAsync(cancellation);
        foreach (var mentor in mentors)
        {
            var (subject, what) = change switch
            {
                InterviewChange.Booked => ("booked", $"booked an interview with {stream.Name}"),
                InterviewChange.Rescheduled => ("moved", $"moved their interview with {stream.Name}, which was on {When(previous!, mentor.TimeZoneId)} ({previous!.Location})"),
                _ => ("cancelled", $"cancelled their interview with {stream.Name}"),
            };
            outbox.Enqueue(mentor.Email!, $"Interview {subject}: {applicant.DisplayName}, {stream.Name}",
                $"Dear {mentor.DisplayName},\n\n{applicant.DisplayName} ({applicant.Email}) {what}.\n\n" +
                $"{(change == InterviewChange.Cancelled ? "The freed slot" : "Interview")}: {When(slot, mentor.TimeZoneId)}, {slot.Minutes} minutes. Where: {slot.Location}\n\n" +
                $"{(change == InterviewChange.Cancelled ? "The slot is open to other applicants again." : "The application is on your mentor page.")}\n");
        }
    }

    /// <summary>When the interview is, in UTC and in the zone of the person the mail goes to.</summary>
    private static string When(InterviewSlot slot, string? zoneId) => MailTime.Say(slot.StartsAt, zoneId, weekday: true);
}
