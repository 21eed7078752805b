using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.StreamApplications;

/// <summary>
/// Puts stage 3 situations straight into the app's database (applicants advanced past stage 1, their stream
/// applications and answers), so page tests do not depend on the demo season's dates.
/// </summary>
public sealed class StreamsStageData(CohortApp app)
{
    public const string Password = "a long enough passphrase";
    public const string Coalition = "control-coalition";
    public const string Internals = "model-internals";

    public sealed record Person(string Id, string Email);

    /// <summary>A new account in <paramref name="role"/>; an applicant's general application is already advanced past stages 1 and 2.</summary>
    public async Task<Person> NewAsync(string role = Roles.Applicant)
    {
        var email = $"stage3-{Guid.NewGuid():N}@example.net";
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, "Stage Three " + role, role, Actor.System);
        Assert.True(created.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        if (role == Roles.Applicant)
        {
            await GeneralApplications.PutAsync(db, id, ApplicationState.Advanced, ApplicationState.Advanced);
        }

        return new(id, email);
    }

    public Task<Browser> SignInAsync(Person person) => app.AsAsync(person.Email, Password);

    /// <summary>A new mentor account linked to the first mentor of <paramref name="streamSlug"/> other than the demo mentor.</summary>
    public async Task<Person> NewMentorOfAsync(string streamSlug)
    {
        var mentor = await NewAsync(Roles.Mentor);
        await app.WithDbAsync(async db =>
        {
            var profile = await db.StreamMentors.Where(m => m.Stream!.Slug == streamSlug && m.Mentor!.UserId == null)
                .OrderBy(m => m.Position).Select(m => m.Mentor!).FirstAsync();
            profile.UserId = mentor.Id;
            return await db.SaveChangesAsync();
        });
        return mentor;
    }

    /// <summary>A stream application in <paramref name="state"/>, with answers to every question the stream asks.</summary>
    public Task<int> ApplyAsync(Person applicant, string streamSlug, string answer, ApplicationState state = ApplicationState.Submitted) =>
        app.WithDbAsync(async db =>
        {
            var stream = await db.Streams.SingleAsync(s => s.Slug == streamSlug && s.Track!.Season!.IsCurrent);
            var application = new StreamApplication { StreamId = stream.Id, ApplicantId = applicant.Id, State = state, SubmittedAt = DateTime.UtcNow };
            db.StreamApplications.Add(application);
            var answered = await db.StreamAnswers.Where(a => a.ApplicantId == applicant.Id).Select(a => a.QuestionId).ToListAsync();
            foreach (var question in await StreamQuestions.AskedByAsync(db, [stream.Id], CancellationToken.None))
            {
                if (!answered.Contains(question.Id))
                {
                    db.StreamAnswers.Add(new StreamAnswer { ApplicantId = applicant.Id, QuestionId = question.Id, Value = question.Kind == QuestionKind.SingleChoice ? question.Choices[0] : answer });
                }
            }

            await db.SaveChangesAsync();
            return application.Id;
        });

    /// <summary>Books the first free interview slot of <paramref name="streamSlug"/> for <paramref name="applicant"/>.</summary>
    public Task<int> BookFreeSlotAsync(Person applicant, string streamSlug) =>
        app.WithDbAsync(async db =>
        {
            var slot = await db.InterviewSlots.Where(s => s.BookedById == null && db.Streams.Any(t => t.Id == s.StreamId && t.Slug == streamSlug))
                .OrderBy(s => s.Id).FirstAsync();
            slot.BookedById = applicant.Id;
            return await db.SaveChangesAsync();
        });
}
