using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Portal;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// Submits one stream application. As in stage 1, the state change, the confirmation mail and the audit entry
/// are saved together under the application's version, so repeated or simultaneous submits submit it once.
/// </summary>
public sealed class SubmitStreamApplication(CohortDbContext db, TimeProvider clock, Outbox outbox, AuditLog audit, CohortMetrics metrics)
{
    public async Task<SubmitOutcome> RunAsync(string applicantId, int streamId, CancellationToken cancellation = default)
    {
        using var span = CohortTraces.Start(nameof(SubmitStreamApplication));
        return await SubmissionCommit.RetryWhileChangedAsync(() => SubmitOnceAsync(applicantId, streamId, cancellation));
    }

    private async Task<SubmitOutcome> SubmitOnceAsync(string applicantId, int streamId, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var application = await db.StreamApplications.Include(a => a.Stream).ThenInclude(s => s!.Mentors)
            .SingleOrDefaultAsync(a => a.StreamId == streamId && a.ApplicantId == applicantId, cancellation);
        if (application is null)
        {
            return new(false, null, [], "Choose this stream before submitting an application to it.");
        }

        if (application.State != ApplicationState.Draft)
        {
            return application.State == ApplicationState.Withdrawn
                ? new(false, null, [], "This application was withdrawn and cannot be submitted.")
                : new(true, application.SubmittedAt, [], null);
        }

        if (await ApplicantStandings.ClosureAsync(db, applicantId, cancellation) is { } closure)
        {
            return new(false, null, [], closure);
        }

        var stream = application.Stream!;
        if (await StreamsStage.ClosedForAsync(db, stream, now, cancellation) is { } closed)
        {
            return new(false, null, [], closed);
        }

        var answers = await StreamQuestions.AnswersAsync(db, applicantId, cancellation);
        var problems = (await StreamQuestions.AskedByAsync(db, [streamId], cancellation))
            .SelectMany(q => AnswerRules.Check(q, answers.GetValueOrDefault(q.Id), submitting: true))
            .ToList();
        if (problems.Count > 0)
        {
            return new(false, null, problems, null);
        }

        return await SubmissionCommit.SubmitAsync(db, outbox, audit, metrics, StageKind.Streams, application, applicantId, now, new SubmissionNotice(
            $"We received your application to {stream.Name}",
            applicant => $"Dear {applicant.DisplayName},\n\nThank you: your application to {stream.Name} was submitted on {MailTime.Say(now, applicant.TimeZoneId)}. " +
                (stream.IsCoalition ? "Every mentor of this coalition stream will read it. " : "") +
                "Your portal shows any follow-up the stream asks for, such as an interview or a work test.\n",
            "stream-application.submitted", $"stream-application:{application.Id}", stream.Slug), cancellation);
    }
}
