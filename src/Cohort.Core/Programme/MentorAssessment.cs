using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>
/// What a sign-off and a check-in between milestones share: the mentor of the fellow's stream who records it, the
/// assessment and its comment, and the mail that tells the fellow. Both are a <see cref="CheckIn"/>; a sign-off names its milestone.
/// </summary>
public sealed class MentorAssessment(CohortDbContext db, TimeProvider clock, AuditLog audit, Outbox outbox, IAppLinks links)
{
    public const string NotYourFellow = "You do not mentor this fellow's stream, so you cannot assess them. Nothing was recorded.";

    /// <summary>The mentor profile through which <paramref name="mentor"/> assesses the fellowship, or the refusal.</summary>
    public async Task<(int? MentorId, string? Refusal)> CheckAsync(Actor mentor, int fellowshipId, Assessment? assessment, string? comment, CancellationToken cancellation)
    {
        var mentorId = mentor.UserId is { } userId ? await FellowshipScope.MentorProfileIdAsync(db, userId, fellowshipId, cancellation) : null;
        if (mentorId is null)
        {
            return (null, NotYourFellow);
        }

        if (assessment is not { } chosen || !Enum.IsDefined(chosen))
        {
            return (null, "Choose on track, at risk or off track. Nothing was recorded.");
        }

        var length = comment?.Trim().Length ?? 0;
        return length is 0 or > CheckIn.MaxCommentLength
            ? (null, $"Write a comment for the fellow, of at most {CheckIn.MaxCommentLength:N0} characters. Nothing was recorded.")
            : (mentorId, null);
    }

    /// <summary>Adds the check-in with its audit entry and the fellow's mail, and saves them together.</summary>
    public async Task<string?> RecordAsync(Actor mentor, int mentorId, int fellowshipId, Milestone? milestone, Assessment assessment, string comment, string race, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.CheckIns.Add(new CheckIn { FellowshipId = fellowshipId, MentorId = mentorId, MilestoneId = milestone?.Id, Assessment = assessment, Comment = comment.Trim(), At = now });
        var what = milestone is null ? "a check-in" : $"the sign-off of \"{milestone.Title}\"";
        audit.Record(mentor, milestone is null ? "fellowship.checked-in" : "milestone.signed-off", $"fellowship:{fellowshipId}",
            $"{(milestone is null ? "" : $"\"{milestone.Title}\": ")}{MilestoneProgress.Say(assessment)}");
        var fellow = await db.Fellowships.Where(f => f.Id == fellowshipId).Join(db.Users, f => f.ApplicantId, u => u.Id, (f, u) => new { u.Email, u.DisplayName })
            .SingleAsync(cancellation);
        var mentorName = await db.Mentors.Where(m => m.Id == mentorId).Select(m => m.Name).SingleAsync(cancellation);
        if (fellow.Email is { } to)
        {
            outbox.Enqueue(to, milestone is null ? $"{mentorName} checked in with you" : $"Signed off: {milestone.Title}",
                $"Dear {fellow.DisplayName},\n\n{mentorName} recorded {what}: {MilestoneProgress.Say(assessment)}.\n\n{comment.Trim()}\n\n" +
                $"Your milestones and check-ins: {links.Link("/portal/fellowship")}\n");
        }

        return await db.SaveOrRefuseAsync(race, cancellation);
    }
}
