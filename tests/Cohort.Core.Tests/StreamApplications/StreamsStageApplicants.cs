using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.StreamApplications;

/// <summary>Builds stage 3 situations over the demo season: applicants advanced past stage 1, their stream applications.</summary>
public sealed class StreamsStageApplicants(CoreServicesFixture core)
{
    /// <summary>A moment inside the demo season's stage 3 window (D-3 to D+28), two days after the demo was seeded.</summary>
    public static readonly DateTimeOffset StreamsStageOpen = new(CoreServicesFixture.Demo.At(2, 12));

    public const string Coalition = "control-coalition";
    public const string Internals = "model-internals";

    /// <summary>Answers to every demo stream question, valid for submission.</summary>
    public static readonly IReadOnlyDictionary<string, string> CompleteAnswers = new Dictionary<string, string>
    {
        ["surprising-result"] = "That linear probes recover so much from so few examples.",
        ["weekly-hours"] = "30 to 40",
        ["protocol-attack"] = "Spread the harmful change over many innocuous-looking edits.",
        ["probe-repository"] = "https://example.org/probes",
    };

    /// <summary>A new applicant whose general application is in <paramref name="generalState"/> and, by default, advanced past stage 2.</summary>
    public async Task<string> NewAsync(ApplicationState generalState = ApplicationState.Advanced, ApplicationState? assessmentState = ApplicationState.Advanced)
    {
        var email = $"stream-applicant-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, Microsoft.AspNetCore.Identity.IdentityResult>(create =>
            create.RunAsync(email, "a long enough passphrase", "Stream Applicant", Roles.Applicant, Actor.System));
        return await core.RunAsync<CohortDbContext, string>(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            await GeneralApplications.PutAsync(db, user.Id, generalState, assessmentState);
            return user.Id;
        });
    }

    public Task<int> StreamIdAsync(string slug) =>
        core.RunAsync<CohortDbContext, int>(db => db.Streams.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    public Task<int> SeasonIdAsync() =>
        core.RunAsync<CohortDbContext, int>(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync());

    public async Task<string?> ChooseAsync(string applicant, params string[] slugs)
    {
        var season = await SeasonIdAsync();
        var ids = new List<int>();
        foreach (var slug in slugs)
        {
            ids.Add(await StreamIdAsync(slug));
        }

        return await core.RunAsync<ChooseStreams, string?>(choose => choose.RunAsync(applicant, season, ids));
    }

    public Task<DraftOutcome> SaveAsync(string applicant, IReadOnlyDictionary<string, string> answers) =>
        core.RunAsync<SaveStreamAnswers, DraftOutcome>(save => save.RunAsync(applicant, answers));

    public async Task<SubmitOutcome> SubmitAsync(string applicant, string slug)
    {
        var stream = await StreamIdAsync(slug);
        return await core.RunAsync<SubmitStreamApplication, SubmitOutcome>(submit => submit.RunAsync(applicant, stream));
    }

    /// <summary>A new applicant with a submitted application to each of <paramref name="slugs"/>.</summary>
    public async Task<string> SubmittedToAsync(params string[] slugs)
    {
        var applicant = await NewAsync();
        Assert.Null(await ChooseAsync(applicant, slugs));
        Assert.Null((await SaveAsync(applicant, CompleteAnswers)).Refusal);
        foreach (var slug in slugs)
        {
            var outcome = await SubmitAsync(applicant, slug);
            Assert.True(outcome.Submitted, outcome.Refusal ?? string.Join("; ", outcome.Problems));
        }

        return applicant;
    }
}
