using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>
/// Who takes an assessment. A track's (stage 2) assessment: applicants whose general application an admin advanced,
/// in that season. A stream's follow-up assessment: applicants whose application to that stream is under consideration.
/// </summary>
public static class Invitations
{
    public static Task<bool> IsInvitedAsync(CohortDbContext db, string applicantId, Assessment assessment, CancellationToken cancellation) =>
        For(db, applicantId).AnyAsync(a => a.Id == assessment.Id, cancellation);

    /// <summary>Why an applicant who is not invited cannot take <paramref name="assessment"/>.</summary>
    public static string NotInvited(Assessment? assessment) => assessment?.StreamId is null
        ? "This assessment is only open to applicants invited to stage 2."
        : "This assessment is only open to applicants whose application to its stream is under consideration.";

    /// <summary>The assessments the applicant is invited to: stage 2 in every season where they were advanced, and their streams' follow-ups.</summary>
    public static IQueryable<Assessment> For(CohortDbContext db, string applicantId) =>
        db.Set<Assessment>().Where(x =>
            (x.StreamId == null && db.Applications.Any(a => a.ApplicantId == applicantId && a.State == ApplicationState.Advanced
                && a.Form!.Kind == FormKind.General && a.Form.SeasonId == x.Track!.SeasonId))
            || (x.StreamId != null && StreamsStage.UnderConsideration(db).Any(a => a.ApplicantId == applicantId && a.StreamId == x.StreamId)));

    /// <summary>A season's stage 2 assessments: its tracks' own, not the streams' follow-ups.</summary>
    public static IQueryable<Assessment> AssessmentStageOf(CohortDbContext db, int seasonId) =>
        db.Assessments.Where(x => x.StreamId == null && x.Track!.SeasonId == seasonId);

    /// <summary>The applicant's attempt with what closing and scoring it needs, or null if they have not started.</summary>
    public static Task<Attempt?> AttemptAsync(CohortDbContext db, int assessmentId, string applicantId, CancellationToken cancellation) =>
        db.Set<Attempt>().Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(x => x!.Items)
            .SingleOrDefaultAsync(a => a.AssessmentId == assessmentId && a.ApplicantId == applicantId, cancellation);
}
