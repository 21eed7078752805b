using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

public static class GeneralApplications
{
    /// <summary>
    /// Gives an applicant a general application already in <paramref name="state"/>: the shortcut tests of
    /// the assessment and streams stages take past the general stage, whose own tests go through drafting and submission.
    /// <paramref name="assessmentState"/> is their state at the assessment stage; the streams stage opens when both are Advanced.
    /// </summary>
    public static async Task PutAsync(CohortDbContext db, string applicantId, ApplicationState state, ApplicationState? assessmentState = null)
    {
        var form = await db.ApplicationForms.SingleAsync(f => f.Kind == FormKind.General);
        var application = new Application { FormId = form.Id, ApplicantId = applicantId, State = state };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        if (assessmentState is { } entered)
        {
            await PutAssessmentEntryAsync(db, application.Id, entered);
        }
    }

    /// <summary>Puts the applicant of general application <paramref name="applicationId"/> in <paramref name="state"/> at their season's assessment stage, as deciding would.</summary>
    public static async Task PutAssessmentEntryAsync(CohortDbContext db, int applicationId, ApplicationState state)
    {
        var application = await db.Applications.Include(a => a.Form).SingleAsync(a => a.Id == applicationId);
        var stages = await AssessmentEntries.StagesOf(db, application.Form!.SeasonId).ToListAsync();
        var existing = await db.StageEntries.Where(e => e.ApplicantId == application.ApplicantId && stages.Contains(e.StageId)).ToListAsync();
        AssessmentEntries.Place(db, existing, stages, application.ApplicantId, state, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>Where the applicant of general application <paramref name="applicationId"/> stands at the assessment stage, or null before it.</summary>
    public static Task<ApplicationState?> AssessmentEntryStateAsync(CohortDbContext db, int applicationId) =>
        db.Applications.Where(a => a.Id == applicationId)
            .Select(a => AssessmentEntries.All(db).Where(e => e.ApplicantId == a.ApplicantId && e.Stage!.Track!.SeasonId == a.Form!.SeasonId)
                .OrderBy(e => e.Id).Select(e => (ApplicationState?)e.State).FirstOrDefault())
            .SingleAsync();
}
