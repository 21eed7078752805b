using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>
/// Opens an assessment for an invited applicant and starts its clock. There is one attempt: opening it again, from
/// another tab or after a crash, returns the attempt already running, with the time it has left.
/// </summary>
public sealed class StartAttempt(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<AttemptOutcome> RunAsync(string applicantId, int assessmentId, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = await db.Set<Assessment>().Include(a => a.Items).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellation);
        if (assessment is null || !await Invitations.IsInvitedAsync(db, applicantId, assessment, cancellation))
        {
            return AttemptOutcome.Refused(Invitations.NotInvited(assessment));
        }

        if (await Invitations.AttemptAsync(db, assessmentId, applicantId, cancellation) is { } existing)
        {
            return new(await AttemptClosing.CloseIfExpiredAsync(db, existing, now, cancellation), null, []);
        }

        if (!assessment.IsOpenAt(now))
        {
            return AttemptOutcome.Refused(now < assessment.OpensAt
                ? $"{assessment.Title} opens on {assessment.OpensAt:d MMMM yyyy 'at' HH:mm} UTC."
                : $"{assessment.Title} closed on {assessment.ClosesAt:d MMMM yyyy 'at' HH:mm} UTC.");
        }

        var attempt = new Attempt
        {
            AssessmentId = assessment.Id,
            ApplicantId = applicantId,
            StartedAt = now,
            Deadline = assessment.DeadlineFor(now),
            UpdatedAt = now,
        };
        db.Add(attempt);
        audit.Record(await AccountActors.OfAsync(db, applicantId, cancellation), "attempt.started", $"assessment:{assessment.Slug}", $"deadline {attempt.Deadline:yyyy-MM-dd HH:mm} UTC");
        // When two first opens race, the unique index lets the other one win, and its clock is the one that counts.
        return await db.TrySaveAsync(cancellation)
            ? new(attempt, null, [])
            : new(await Invitations.AttemptAsync(db, assessmentId, applicantId, cancellation), null, []);
    }
}
