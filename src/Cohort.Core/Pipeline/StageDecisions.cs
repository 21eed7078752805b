using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>
/// Whether a stage is decided for an applicant: advanced, rejected, or withdrawn by the applicant. Review closes for
/// a decided row, since no score can change its outcome any more and a late score would only rewrite the record of
/// why it was decided. A waitlisted row is still open: the admin may yet decide it either way.
/// </summary>
public static class StageDecisions
{
    /// <summary>
    /// The attempts whose stage is not decided: a stage 2 assessment's until the applicant's assessment stage is, a
    /// stream's follow-up until their application to that stream is.
    /// </summary>
    public static IQueryable<Attempt> Undecided(this IQueryable<Attempt> attempts, CohortDbContext db) =>
        attempts.Where(x =>
            (x.Assessment!.StreamId == null && !db.Applications.Any(g => g.ApplicantId == x.ApplicantId
                && g.Form!.SeasonId == x.Assessment.Track!.SeasonId && g.Form.Kind == FormKind.General && g.State == ApplicationState.Withdrawn)
                && !AssessmentEntries.All(db).Any(e => e.ApplicantId == x.ApplicantId && e.Stage!.Track!.SeasonId == x.Assessment.Track!.SeasonId
                    && (e.State == ApplicationState.Advanced || e.State == ApplicationState.Rejected)))
            || (x.Assessment.StreamId != null && !db.StreamApplications.Any(s => s.StreamId == x.Assessment.StreamId && s.ApplicantId == x.ApplicantId
                && (s.State == ApplicationState.Withdrawn || s.State == ApplicationState.Advanced || s.State == ApplicationState.Rejected))));

    /// <summary>Whether subject <paramref name="subjectId"/> of a review round of <paramref name="stage"/> is decided at that stage.</summary>
    public static Task<bool> IsDecidedAsync(CohortDbContext db, StageKind stage, int subjectId, CancellationToken cancellation) => stage switch
    {
        StageKind.General => db.Applications.AnyAsync(a => a.Id == subjectId
            && (a.State == ApplicationState.Withdrawn || a.State == ApplicationState.Advanced || a.State == ApplicationState.Rejected), cancellation),
        StageKind.Assessment => db.Applications.AnyAsync(a => a.Id == subjectId
            && (a.State == ApplicationState.Withdrawn || AssessmentEntries.All(db).Any(e => e.ApplicantId == a.ApplicantId && e.Stage!.Track!.SeasonId == a.Form!.SeasonId
                && (e.State == ApplicationState.Advanced || e.State == ApplicationState.Rejected))), cancellation),
        StageKind.Extension => db.ExtensionApplications.AnyAsync(a => a.Id == subjectId
            && (a.State == ApplicationState.Withdrawn || a.State == ApplicationState.Advanced || a.State == ApplicationState.Rejected), cancellation),
        _ => db.StreamApplications.AnyAsync(a => a.Id == subjectId
            && (a.State == ApplicationState.Withdrawn || a.State == ApplicationState.Advanced || a.State == ApplicationState.Rejected), cancellation),
    };
}
