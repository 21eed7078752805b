using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Pipeline;

/// <summary>Puts an applicant's general application straight into the state a pipeline test starts from.</summary>
internal static class SubmittedApplications
{
    public static async Task<int> AddAsync(this CoreServicesFixture core, ApplicationState state, string dateOfBirth = "1999-04-02", string name = "Pipeline Applicant")
    {
        var email = $"pipeline-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, IdentityResult>(create => create.RunAsync(email, "a long enough passphrase", name, Roles.Applicant, Actor.System));
        return await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.Kind == FormKind.General);
            var application = new Application
            {
                FormId = form.Id,
                ApplicantId = (await db.Users.SingleAsync(u => u.Email == email)).Id,
                State = state,
                SubmittedAt = state == ApplicationState.Draft ? null : core.Clock.GetUtcNow().UtcDateTime,
            };
            application.Answers.Add(new Answer { QuestionId = form.Questions.Single(q => q.Identity == IdentityFlag.DateOfBirth).Id, Value = dateOfBirth });
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
    }

    public static Task<ApplicationState> StateAsync(this CoreServicesFixture core, int applicationId) =>
        core.RunAsync<CohortDbContext, ApplicationState>(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.State).SingleAsync());

    public static Task<ApplicationState?> AssessmentEntryStateAsync(this CoreServicesFixture core, int applicationId) =>
        core.RunAsync<CohortDbContext, ApplicationState?>(db => GeneralApplications.AssessmentEntryStateAsync(db, applicationId));
}
