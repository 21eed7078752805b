using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

public static class GeneralApplications
{
    /// <summary>
    /// Gives an applicant a general application already in <paramref name="state"/>: the shortcut tests of
    /// stages 2 and 3 take past stage 1, whose own tests go through drafting and submission.
    /// <paramref name="assessmentState"/> is the stage 2 decision; stage 3 opens when both are Advanced.
    /// </summary>
    public static async Task PutAsync(CohortDbContext db, string applicantId, ApplicationState state, ApplicationState? assessmentState = null)
    {
        var form = await db.ApplicationForms.SingleAsync(f => f.Kind == FormKind.General);
        db.Applications.Add(new Application { FormId = form.Id, ApplicantId = applicantId, State = state, AssessmentState = assessmentState });
        await db.SaveChangesAsync();
    }
}
