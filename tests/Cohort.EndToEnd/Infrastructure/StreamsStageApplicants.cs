using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.EndToEnd.Infrastructure;

public sealed record StreamsStageApplicant(string Id, string Name, string Email, int Application);

/// <summary>Applicants who reached stage 3 and applied to a stream, made through the app's services for journeys that start there.</summary>
public static class StreamsStageApplicants
{
    public const string Password = "a passphrase for stage three";

    /// <summary>An applicant advanced past stages 1 and 2 with a submitted application to <paramref name="streamId"/>.</summary>
    public static async Task<StreamsStageApplicant> NewAsync(LiveCohortApp app, string name, int streamId)
    {
        var email = $"stage3-{Guid.NewGuid():N}@example.net";
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, name, Roles.Applicant, Actor.System)).Succeeded);
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>().FindByEmailAsync(email))!.Id;
        var application = await app.WithDbAsync(async db =>
        {
            await GeneralApplications.PutAsync(db, id, ApplicationState.Advanced, ApplicationState.Advanced);
            var streamApplication = new StreamApplication { StreamId = streamId, ApplicantId = id, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
            db.StreamApplications.Add(streamApplication);
            await db.SaveChangesAsync();
            return streamApplication.Id;
        });
        return new(id, name, email, application);
    }
}
