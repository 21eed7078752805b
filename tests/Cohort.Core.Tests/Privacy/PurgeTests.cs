using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Privacy;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Tests.Privacy;

/// <summary>
/// The retention rule: applicants whose last season ended longer ago than the setting are erased, the others are
/// not; a dry run counts them by season and changes nothing; with no setting, nothing is purged.
/// </summary>
public abstract class PurgeTests(CoreServicesFixture core)
{
    private async Task<PurgeReport> PurgeAsync(int? months, bool dryRun)
    {
        await using var scope = core.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var purge = new PurgeExpiredApplicants(services.GetRequiredService<CohortDbContext>(), services.GetRequiredService<EraseApplicant>(),
            Options.Create(new RetentionOptions { RetainApplicantsForMonths = months }), core.Clock);
        return await purge.RunAsync(dryRun);
    }

    private async Task<string> ApplicantAsync(string tag)
    {
        var email = $"{tag}-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, IdentityResult>(create => create.RunAsync(email, "a long enough passphrase", $"Applicant {tag}", Roles.Applicant, Actor.System));
        return await core.RunAsync<CohortDbContext, string>(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    /// <summary>A season whose programme ended <paramref name="monthsAgo"/> months ago, with one general application by <paramref name="applicantId"/>.</summary>
    private Task<int> AppliedInPastSeasonAsync(string applicantId, int monthsAgo) =>
        core.RunAsync<CohortDbContext, int>(async db =>
        {
            var today = DateOnly.FromDateTime(core.Clock.GetUtcNow().UtcDateTime);
            var tag = Guid.NewGuid().ToString("N")[..8];
            var season = new Season { Slug = $"past-{tag}", Name = $"Past season {tag}", ProgrammeStart = today.AddMonths(-monthsAgo - 3), ProgrammeEnd = today.AddMonths(-monthsAgo) };
            db.Seasons.Add(season);
            await db.SaveChangesAsync();
            var start = season.ProgrammeStart.AddMonths(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var form = new ApplicationForm { SeasonId = season.Id, Kind = FormKind.General, Title = "Past application", OpensAt = start, ClosesAt = start.AddDays(30) };
            db.ApplicationForms.Add(form);
            await db.SaveChangesAsync();
            db.Applications.Add(new Application { FormId = form.Id, ApplicantId = applicantId, State = ApplicationState.Rejected, SubmittedAt = start.AddDays(1) });
            await db.SaveChangesAsync();
            return season.Id;
        });

    private Task<bool> ErasedAsync(string applicantId) =>
        core.RunAsync<CohortDbContext, bool>(db => db.ErasureRequests.AnyAsync(r => r.ApplicantId == applicantId && r.ErasedAt != null));

    [Fact]
    public async Task A_dry_run_counts_by_season_and_a_purge_erases_only_applicants_whose_last_season_ended_long_enough_ago()
    {
        var old = await ApplicantAsync("old");
        var recent = await ApplicantAsync("recent");
        var returning = await ApplicantAsync("returning");
        await AppliedInPastSeasonAsync(old, monthsAgo: 30);
        await AppliedInPastSeasonAsync(recent, monthsAgo: 6);
        await AppliedInPastSeasonAsync(returning, monthsAgo: 30);
        await AppliedInPastSeasonAsync(returning, monthsAgo: 2);

        var dry = await PurgeAsync(12, dryRun: true);
        Assert.False(await ErasedAsync(old));
        var purged = await PurgeAsync(12, dryRun: false);
        var again = await PurgeAsync(12, dryRun: true);

        Assert.Null(dry.Problem);
        Assert.Contains(dry.Seasons, s => s.Applicants == 1 && s.Season.StartsWith("Past season", StringComparison.Ordinal));
        Assert.Equal(dry.Found, purged.Erased);
        Assert.Empty(purged.Refusals);
        Assert.True(await ErasedAsync(old));
        Assert.False(await ErasedAsync(recent));
        Assert.False(await ErasedAsync(returning));
        Assert.Equal(0, again.Found);
    }

    [Fact]
    public async Task Without_a_retention_setting_nothing_is_purged_and_the_setting_is_named()
    {
        var old = await ApplicantAsync("unset");
        await AppliedInPastSeasonAsync(old, monthsAgo: 60);

        var report = await PurgeAsync(null, dryRun: false);

        Assert.Equal("Cohort:RetainApplicantsForMonths is not set, so no applicant is old enough to purge.", report.Problem);
        Assert.False(await ErasedAsync(old));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1201)]
    public void A_retention_outside_1_to_1200_months_is_a_problem_naming_the_setting(int months) =>
        Assert.Equal($"Cohort:RetainApplicantsForMonths must be a number of months from 1 to 1200, or unset to keep applicants; it is {months}.",
            Assert.Single(RetentionOptions.Problems(new RetentionOptions { RetainApplicantsForMonths = months })));
}

public sealed class PurgeOnSqlite(SqliteCore core) : PurgeTests(core), IClassFixture<SqliteCore>;

public sealed class PurgeOnPostgres(PostgresCore core) : PurgeTests(core), IClassFixture<PostgresCore>;
