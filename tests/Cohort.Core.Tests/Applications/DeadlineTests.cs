using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Applications;

/// <summary>The deadline holds on the server: inside the grace period answers are taken, after it they are refused.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private readonly SqliteCore core = new();

    public ValueTask InitializeAsync() => core.InitializeAsync();

    public ValueTask DisposeAsync() => core.DisposeAsync();

    [Fact]
    public async Task Drafts_are_taken_inside_the_grace_period_and_refused_after_it()
    {
        var email = $"late-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, Microsoft.AspNetCore.Identity.IdentityResult>(c => c.RunAsync(email, "a long enough passphrase", "Late", Roles.Applicant, Actor.System));
        var (applicant, form) = await core.RunAsync<CohortDbContext, (string, ApplicationForm)>(async db =>
            ((await db.Users.SingleAsync(u => u.Email == email)).Id, await db.ApplicationForms.SingleAsync()));
        Assert.True(form.GraceMinutes > 0);

        core.Clock.Now = new DateTimeOffset(form.ClosesAt.AddMinutes(form.GraceMinutes - 1), TimeSpan.Zero);
        var inGrace = await core.RunAsync<SaveDraft, DraftOutcome>(s => s.RunAsync(applicant, form.Id, new Dictionary<string, string> { ["full-name"] = "Just In Time" }));
        core.Clock.Now = new DateTimeOffset(form.ClosesAt.AddMinutes(form.GraceMinutes + 1), TimeSpan.Zero);
        var tooLate = await core.RunAsync<SaveDraft, DraftOutcome>(s => s.RunAsync(applicant, form.Id, new Dictionary<string, string> { ["full-name"] = "Too Late" }));
        var submitLate = await core.RunAsync<SubmitApplication, SubmitOutcome>(s => s.RunAsync(applicant, form.Id));

        Assert.Null(inGrace.Refusal);
        Assert.Contains("closed", tooLate.Refusal, StringComparison.Ordinal);
        Assert.Contains("closed", submitLate.Refusal, StringComparison.Ordinal);
        var kept = await core.RunAsync<CohortDbContext, string>(db => db.Applications.Where(a => a.ApplicantId == applicant).SelectMany(a => a.Answers).Select(a => a.Value).SingleAsync());
        Assert.Equal("Just In Time", kept);
    }
}
