using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Jobs;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>
/// The background job that embeds the demo season's texts ahead of use (stream and project texts, research statements
/// as blind reviewers read them, reviewers' expertise), and its progress.
/// </summary>
public abstract class EmbedSeasonTextsTests(CoreServicesFixture core)
{
    private Task<JobReport> RunJobAsync() => core.RunAsync<EmbedSeasonTexts, JobReport>(job =>
        job.RunAsync(new JobContext(core.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), core.Clock.GetUtcNow().UtcDateTime), TestContext.Current.CancellationToken));

    private Task<EmbeddingProgress> ProgressAsync() =>
        core.RunAsync<EmbedSeasonTexts, EmbeddingProgress>(job => job.ProgressAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task The_job_embeds_the_season_until_done_then_only_what_changed()
    {
        var before = await ProgressAsync();
        Assert.True(before.Total > 0);
        Assert.False(before.Done);

        var runs = new List<JobReport>();
        for (var progress = before; !progress.Done; progress = await ProgressAsync())
        {
            runs.Add(await RunJobAsync());
            Assert.True(runs.Count <= before.Total / EmbedSeasonTexts.MostPerRun + 1, "the job does not finish");
        }

        Assert.Equal(before.Total - before.Embedded, runs.Sum(r => r.Count));
        Assert.All(runs, r => Assert.InRange(r.Count, 1, EmbedSeasonTexts.MostPerRun));
        Assert.Equal(0, (await RunJobAsync()).Count);

        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var stream = await db.Streams.Where(s => s.Track!.Season!.IsCurrent).OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
            stream.DescriptionMarkdown += "\n\nThis stream also welcomes work on **sparse autoencoders**.";
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var changed = await ProgressAsync();
        Assert.Equal((before.Total, before.Total), (changed.Total - 1, changed.Embedded));
        var rerun = await RunJobAsync();
        Assert.Equal(1, rerun.Count);
        Assert.True((await ProgressAsync()).Done);
    }

    [Fact]
    public async Task The_season_is_read_as_plain_sentences()
    {
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var stream = await db.Streams.Where(s => s.Track!.Season!.IsCurrent).OrderBy(s => s.Id).LastAsync(TestContext.Current.CancellationToken);
            stream.DescriptionMarkdown += "\n\n## Formal guarantees\n\nWe prove **bounds** on [neural controllers](https://example.org/x).";
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var units = await core.RunAsync<CohortDbContext, IReadOnlyList<string>>(db => SeasonTexts.UnitsAsync(db, TestContext.Current.CancellationToken));

        Assert.Contains("Formal guarantees", units);
        Assert.Contains("We prove bounds on neural controllers.", units);
        Assert.DoesNotContain(units, u => u.Contains("**", StringComparison.Ordinal) || u.StartsWith('#') || u.Contains("](", StringComparison.Ordinal));
        Assert.Equal(units.Count, units.Distinct().Count());
    }

    [Fact]
    public async Task Research_statements_are_read_blind_and_expertise_statements_with_their_tags()
    {
        var name = $"Quilla {Guid.NewGuid():N}"[..18];
        var unique = Guid.NewGuid().ToString("N")[..10];
        var subjectId = await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent, TestContext.Current.CancellationToken);
            await db.BlindSettings.Where(b => b.SeasonId == season.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            db.BlindSettings.Add(new BlindSettings { SeasonId = season.Id });
            var applicant = await ReviewPool.PersonAsync(db, $"statement-{unique}@example.org");
            (await db.Users.SingleAsync(u => u.Id == applicant, TestContext.Current.CancellationToken)).DisplayName = name;
            var withdrawn = await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"gone-{unique}@example.org"), "", $"Withdrawn plan {unique}.");
            (await db.Applications.SingleAsync(a => a.Id == withdrawn, TestContext.Current.CancellationToken)).State = ApplicationState.Withdrawn;
            var reviewer = await ReviewPool.PersonAsync(db, $"expert-{unique}@example.com");
            await ReviewPool.ReviewerAsync(db, reviewer, expertise: $"probes{unique}\nsteering");
            (await db.ReviewerProfiles.SingleAsync(p => p.UserId == reviewer, TestContext.Current.CancellationToken)).ExpertiseStatement = $"I study linear probes {unique}.";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return await ReviewPool.ApplicationAsync(db, applicant, "", $"I am {name} and I want to map reward hacking {unique}. Then I would test the fix.");
        });

        var units = await core.RunAsync<CohortDbContext, IReadOnlyList<string>>(db => SeasonTexts.UnitsAsync(db, TestContext.Current.CancellationToken));
        // The same statement as a stage 1 round of the season reads it for its affinities.
        var asRoundReadsIt = await core.RunAsync<CohortDbContext, string>(async db =>
        {
            var roundId = await ReviewPool.RoundAsync(db, reviewsPerApplication: 1);
            var round = await db.ReviewRounds.SingleAsync(r => r.Id == roundId, TestContext.Current.CancellationToken);
            return ResearchStatement.TextOf(await ResearchStatement.ReadAsync(db, round, subjectId, TestContext.Current.CancellationToken));
        });

        Assert.Contains($"I am {BlindRedaction.NameHidden} and I want to map reward hacking {unique}.", units);
        Assert.Contains("Then I would test the fix.", units);
        Assert.All(SentenceSplitter.Split(asRoundReadsIt), sentence => Assert.Contains(sentence, units));
        Assert.DoesNotContain(units, u => u.Contains("Quilla", StringComparison.Ordinal) || u.Contains($"Withdrawn plan {unique}", StringComparison.Ordinal));
        Assert.Contains($"I study linear probes {unique}.", units);
        Assert.Contains($"Expertise: probes{unique}, steering.", units);
    }
}

public sealed class EmbedSeasonTextsOnSqlite(SqliteCore core) : EmbedSeasonTextsTests(core), IClassFixture<SqliteCore>;

public sealed class EmbedSeasonTextsOnPostgres(PostgresCore core) : EmbedSeasonTextsTests(core), IClassFixture<PostgresCore>;
