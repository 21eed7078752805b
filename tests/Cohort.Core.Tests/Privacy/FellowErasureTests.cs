using Cohort.Core.Artifacts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Privacy;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Privacy;

/// <summary>
/// Erasing a fellow of last season: what they handed in and what their mentors wrote about them is emptied, their name
/// leaves the artifacts' bylines (an artifact left with no fellow author leaves the showcase, its PDF with their files),
/// and the programme's counts (submissions, sign-offs, endorsements) stay.
/// </summary>
public abstract class FellowErasureTests(CoreServicesFixture core)
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");

    [Fact]
    public async Task Erasing_a_fellow_empties_their_programme_content_takes_them_off_bylines_and_keeps_the_counts()
    {
        var seed = await SeedWithAFellowBeyondAsciiAsync();
        var fellow = seed.Fellow;
        Assert.NotEmpty(await core.RunAsync<CohortDbContext, List<string>>(db => ErasureCanaryTests.TablesHoldingAsync(db, $"{fellow.Name} must narrow")));
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => Showcase.Public(db).AnyAsync(a => a.Id == seed.PublicArtifactId)));
        var before = await core.RunAsync<CohortDbContext, string>(CountsAsync);

        var outcome = await core.RunAsync<EraseApplicant, ErasureOutcome>(erase => erase.RunAsync(Admin, fellow.ApplicantId));

        Assert.True(outcome.Erased, outcome.Refusal);
        Assert.Empty(await core.RunAsync<CohortDbContext, List<string>>(db => ErasureCanaryTests.TablesHoldingAsync(db, fellow.Name)));
        Assert.Empty(await core.RunAsync<CohortDbContext, List<string>>(db => ErasureCanaryTests.TablesHoldingAsync(db, fellow.Email)));
        Assert.Equal(before, await core.RunAsync<CohortDbContext, string>(CountsAsync));
        var (submissionsLeft, fellowAuthors, shown) = await core.RunAsync<CohortDbContext, (int, int, bool)>(async db => (
            await db.MilestoneSubmissions.CountAsync(s => s.FellowshipId == fellow.FellowshipId && (s.FileId != null || s.Text != "" || s.Link != "")),
            await db.ArtifactAuthors.CountAsync(x => x.FellowshipId == fellow.FellowshipId),
            await Showcase.Public(db).AnyAsync(a => a.Id == seed.PublicArtifactId)));
        Assert.Equal(0, submissionsLeft);
        Assert.Equal(0, fellowAuthors);
        Assert.False(shown);
    }

    [Fact]
    public async Task A_fellows_download_holds_their_submissions_assessments_artifacts_and_extensions_but_no_endorsement_comment()
    {
        var seed = await SeedWithAFellowBeyondAsciiAsync();

        var json = await core.RunAsync<CohortDbContext, string>(async db =>
            ApplicantData.ToJson((await ApplicantData.CollectAsync(db, seed.Fellow.ApplicantId, DateTime.UtcNow, CancellationToken.None))!));

        Assert.Equal("Zoë Ćirić-Grünewald", seed.Fellow.Name);
        Assert.Contains($"{seed.Fellow.Name} must narrow the plan.", json, StringComparison.Ordinal);
        Assert.Contains("\"assessment\": \"AtRisk\"", json, StringComparison.Ordinal);
        Assert.Contains(ProgrammeSeed.PublicTitle, json, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"Advanced\"", json, StringComparison.Ordinal);
        Assert.Contains("\"endorsements\": 2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Strongly.", json, StringComparison.Ordinal);
        // Another fellow's name may rightly appear as a co-author in this fellow's bylines; what must not is their own data.
        Assert.DoesNotContain(seed.Other.Email, json, StringComparison.Ordinal);
        Assert.DoesNotContain("No results yet.", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// Seeds last season's programme with its first fellow renamed to a name written with letters beyond ASCII, one of them
    /// a capital. Which of last season's people comes first varies from run to run, and the two tests share the database,
    /// so both rename: the download must keep such letters as they are, and erasure must find them to remove them.
    /// </summary>
    private async Task<ProgrammeSeed> SeedWithAFellowBeyondAsciiAsync()
    {
        await core.RunAsync<CohortDbContext, int>(db => db.Users.Where(u => u.Id == db.Fellowships.Where(f => db.Seasons.Any(s => s.Id == f.SeasonId && s.Slug == PastProgramme.PastSeason)).OrderBy(f => f.Id).Select(f => f.ApplicantId).First())
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Zoë Ćirić-Grünewald")));
        return await core.RunAsync<CohortDbContext, ProgrammeSeed>(db => PastProgramme.SeedAsync(db, PastProgramme.PastSeason, core.Clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The programme's counts erasure keeps: submissions, sign-offs and check-ins by assessment, endorsements by rating.</summary>
    private static async Task<string> CountsAsync(CohortDbContext db) => string.Join("; ",
        $"submissions {await db.MilestoneSubmissions.CountAsync()}",
        string.Join(",", (await db.CheckIns.GroupBy(c => c.Assessment).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count}")),
        string.Join(",", (await db.ExtensionEndorsements.GroupBy(e => e.Rating).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count}")),
        $"fellowships {await db.Fellowships.CountAsync()}",
        $"artifacts {await db.Artifacts.CountAsync()}");
}

public sealed class FellowErasureOnSqlite(SqliteActivityCore core) : FellowErasureTests(core), IClassFixture<SqliteActivityCore>;

public sealed class FellowErasureOnPostgres(PostgresActivityCore core) : FellowErasureTests(core), IClassFixture<PostgresActivityCore>;
