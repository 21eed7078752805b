using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>Who takes stage 2: only applicants whose general application an admin advanced, for the assessments of that season.</summary>
public static class Invitations
{
    public static Task<bool> IsInvitedAsync(CohortDbContext db, string applicantId, int seasonId, CancellationToken cancellation) =>
        db.Applications.AnyAsync(a => a.ApplicantId == applicantId && a.State == ApplicationState.Advanced
            && a.Form!.Kind == FormKind.General && a.Form.SeasonId == seasonId, cancellation);

    /// <summary>The assessments the applicant is invited to, in every season where they were advanced.</summary>
    public static IQueryable<Assessment> For(CohortDbContext db, string applicantId) =>
        db.Set<Assessment>().Where(x => db.Applications.Any(a => a.ApplicantId == applicantId && a.State == ApplicationState.Advanced
            && a.Form!.Kind == FormKind.General && a.Form.SeasonId == x.Track!.SeasonId));

    /// <summary>The applicant's attempt with what closing and scoring it needs, or null if they have not started.</summary>
    public static Task<Attempt?> AttemptAsync(CohortDbContext db, int assessmentId, string applicantId, CancellationToken cancellation) =>
        db.Set<Attempt>().Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(x => x!.Items)
            .SingleOrDefaultAsync(a => a.AssessmentId == assessmentId && a.ApplicantId == applicantId, cancellation);
}
