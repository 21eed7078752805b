using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

public sealed record SubmitOutcome(bool Submitted, DateTime? SubmittedAt, IReadOnlyList<AnswerProblem> Problems, string? Refusal)
{
    /// <summary>The commit lost to another save that left the application a draft; <see cref="SubmissionCommit.RetryWhileChangedAsync"/> tries again.</summary>
    public static SubmitOutcome ChangedMeanwhile { get; } = new(false, null, [], "The application changed while it was being submitted; please try again.");
}

/// <summary>
/// Submits a draft. The state change, the confirmation mail and the audit entry are saved together, guarded by
/// the application's version: of any number of simultaneous submits (a double click, a retried request, several
/// tabs) exactly one changes the state, and the others find it submitted and answer the same.
/// </summary>
public sealed class SubmitApplication(CohortDbContext db, TimeProvider clock, Outbox outbox, AuditLog audit, CohortMetrics metrics)
{
    public async Task<SubmitOutcome> RunAsync(string applicantId, int formId, CancellationToken cancellation = default)
    {
        using var span = CohortTraces.Start(nameof(SubmitApplication));
        return await SubmissionCommit.RetryWhileChangedAsync(() => SubmitOnceAsync(applicantId, formId, cancellation));
    }

    private async Task<SubmitOutcome> SubmitOnceAsync(string applicantId, int formId, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var application = await db.Set<Application>()
            .Include(a => a.Answers)
            .Include(a => a.Form).ThenInclude(f => f!.Questions)
            .SingleOrDefaultAsync(a => a.FormId == formId && a.ApplicantId == applicantId, cancellation);
        if (application is null)
        {
            return new(false, null, [], "There is nothing to submit yet: answer the questions first.");
        }

        if (application.State == ApplicationState.Submitted)
        {
            return new(true, application.SubmittedAt, [], null);
        }

        var form = application.Form!;
        if (application.State != ApplicationState.Draft)
        {
            return new(false, null, [], "This application was withdrawn and cannot be submitted.");
        }

        if (!form.IsOpenAt(now))
        {
            return new(false, null, [], ApplicationWindow.Explain(form, now));
        }

        var problems = await CheckAsync(form, application, cancellation);
        if (problems.Count > 0)
        {
            return new(false, null, problems, null);
        }

        return await SubmissionCommit.SubmitAsync(db, outbox, audit, metrics, StageKind.General, application, applicantId, now, new SubmissionNotice(
            $"We received your application: {form.Title}",
            applicant => $"Dear {applicant.DisplayName},\n\nThank you: your {form.Title} was submitted on {MailTime.Say(now, applicant.TimeZoneId)}. " +
                "You can see where each of your applications stands in your portal.\n",
            "application.submitted", $"application:{application.Id}", form.Title), cancellation);
    }

    private async Task<List<AnswerProblem>> CheckAsync(ApplicationForm form, Application application, CancellationToken cancellation)
    {
        var answers = application.Answers.ToDictionary(a => a.QuestionId, a => a.FileId is null ? a.Value : a.FileId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var season = await db.Seasons.SingleAsync(s => s.Id == form.SeasonId, cancellation);
        return GeneralApplicationRules.Check(season, form.Questions, answers);
    }
}
