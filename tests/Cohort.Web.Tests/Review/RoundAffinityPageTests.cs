using Cohort.Core.Accounts;
using Cohort.Core.Embeddings;
using Cohort.Core.Review;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// The admin's round page explains its affinities: each assigned pair's "why" sentences (quoting a blind round's research
/// statement only as its reviewers read it), the blend's weights in words, and the season's embedding progress while
/// the background job has not embedded every text.
/// </summary>
public abstract class RoundAffinityPageTests(CohortApp app)
{
    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>A draft round of the canary application (every identity field hidden), assigned to the demo reviewer.</summary>
    private async Task<AssignedApplication> AssignedAsync()
    {
        await app.WithDbAsync(async db => { await AssignedApplication.HideEverythingAsync(db); return 0; });
        return await app.WithDbAsync(db => AssignedApplication.SeedAsync(db, Now, ReviewRoundState.Draft));
    }

    [Fact]
    public async Task Each_assigned_pair_shows_why_from_the_blind_statement_with_no_identity_field()
    {
        var assigned = await AssignedAsync();
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync($"/admin/review/rounds/{assigned.RoundId}");

        Assert.Equal(200, page.Status);
        var why = page.All($"li[data-assignment='{assigned.AssignmentId}'] ul.why li");
        Assert.NotEmpty(why);
        var quoted = string.Join("\n", why.Select(li => li.OuterHtml));
        // The statement is quoted (its visible words are there), and redacted as a blind reviewer reads it.
        Assert.Contains(assigned.Canaries.Visible, quoted, StringComparison.Ordinal);
        Assert.Contains(BlindRedaction.NameHidden, quoted, StringComparison.Ordinal);
        Assert.All(assigned.Canaries.Secrets, secret => Assert.DoesNotContain(secret, quoted, StringComparison.OrdinalIgnoreCase));
        Assert.All(why, li => Assert.NotNull(li.QuerySelector("q.reviewer-sentence")));
    }

    [Fact]
    public async Task The_weights_are_said_in_words()
    {
        var assigned = await AssignedAsync();
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync($"/admin/review/rounds/{assigned.RoundId}");

        // The defaults, 0.6 and 0.4 (AffinityBlendOptions), as shares.
        var weights = page.One("#affinity-weights")!.TextContent;
        Assert.Contains("60% how close in meaning", weights, StringComparison.Ordinal);
        Assert.Contains("40% their keyword points", weights, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedding_progress_shows_until_every_season_text_is_embedded()
    {
        var assigned = await AssignedAsync();
        using var admin = await app.AsAsync(Roles.Admin);
        // The jobs do not run in tests, so the season's stream descriptions wait unembedded.
        var before = await admin.GetAsync($"/admin/review/rounds/{assigned.RoundId}");
        var (embedded, total) = await ProgressAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var units = await SeasonTexts.UnitsAsync(scope.ServiceProvider.GetRequiredService<Cohort.Core.Data.CohortDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<EmbeddingCache>().GetOrComputeAsync(units);
        }

        var after = await admin.GetAsync($"/admin/review/rounds/{assigned.RoundId}");

        Assert.True(embedded < total, $"{embedded} of {total}");
        Assert.Contains($"{embedded} of {total} sentences ready", before.One("#embedding-progress")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.One("#embedding-progress"));
        Assert.True((await ProgressAsync()).Done);
    }

    private async Task<EmbeddingProgress> ProgressAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmbedSeasonTexts>().ProgressAsync(CancellationToken.None);
    }
}

public sealed class RoundAffinityPageOnSqlite(SqliteApp app) : RoundAffinityPageTests(app), IClassFixture<SqliteApp>;

public sealed class RoundAffinityPageOnPostgres(PostgresApp app) : RoundAffinityPageTests(app), IClassFixture<PostgresApp>;
