using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Jobs;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>The background job that embeds the demo season's stream and project texts ahead of use, and its progress.</summary>
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
}

public sealed class EmbedSeasonTextsOnSqlite(SqliteCore core) : EmbedSeasonTextsTests(core), IClassFixture<SqliteCore>;

public sealed class EmbedSeasonTextsOnPostgres(PostgresCore core) : EmbedSeasonTextsTests(core), IClassFixture<PostgresCore>;
