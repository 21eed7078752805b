using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>The vector cache on a real database: a text is embedded once per model, and again only when it changes.</summary>
public abstract class EmbeddingCacheTests(CoreServicesFixture core)
{
    private readonly CountingEmbedder model = new(SharedEmbedder.Model);

    private Task<IReadOnlyList<float[]>> VectorsAsync(params string[] texts) =>
        core.RunAsync<CohortDbContext, IReadOnlyList<float[]>>(db => new EmbeddingCache(db, model, core.Clock).GetOrComputeAsync(texts, TestContext.Current.CancellationToken));

    // The counting tests write texts no other test has, so they find none of each other's vectors in the class's database.
    private static string Unique(string text) => $"{text} ({Guid.NewGuid():N})";

    [Fact]
    public async Task A_cached_text_is_read_back_and_not_embedded_again()
    {
        var (first, second) = (Unique("Attention heads that copy names in a transformer."), Unique("Liability for failures of software."));

        var computed = await VectorsAsync(first, second, first);
        Assert.Equal(2, model.Embedded);
        var cached = await VectorsAsync(second, first);

        Assert.Equal(2, model.Embedded);
        Assert.Equal(computed[1], cached[0]);
        Assert.Equal(computed[0], cached[1]);
        Assert.Equal(computed[0], computed[2]);
        var row = await core.RunAsync<CohortDbContext, TextEmbedding>(db => db.TextEmbeddings.SingleAsync(e => e.TextHash == EmbeddingCache.HashOf(model.Model, first), TestContext.Current.CancellationToken));
        Assert.Equal((MiniLmEmbedder.ModelName, 384, 384 * 4), (row.Model, row.Dimensions, row.Vector.Length));
    }

    [Fact]
    public async Task A_changed_text_is_embedded_again_and_the_unchanged_ones_are_not()
    {
        var (kept, original) = (Unique("Reward models are exploited by the policy."), Unique("Debate between two models judged by a person."));
        var before = await VectorsAsync(kept, original);
        Assert.Equal(2, model.Embedded);

        var after = await VectorsAsync(kept, original + " A sentence more.");

        Assert.Equal(3, model.Embedded);
        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
    }

    [Fact]
    public async Task Through_the_cache_identical_texts_score_1_and_related_ones_above_unrelated_ones()
    {
        // No random suffix here: it would be words to the model. These texts are this test's own.
        string[] items = ["I reverse-engineer circuits inside small language models.", "I compare export rules for advanced chips across countries."];
        string[] reviewers = ["My field is mechanistic interpretability of neural networks.", "I work on compute governance and AI policy."];

        var affinity = await core.RunAsync<CohortDbContext, SemanticAffinity>(db =>
            SemanticAffinity.BuildAsync(items, [.. reviewers, items[0]], new EmbeddingCache(db, model, core.Clock), SemanticMethod.Chosen, TestContext.Current.CancellationToken));

        Assert.Equal(1, affinity.Score(0, 2), 4);
        Assert.True(affinity.Score(0, 0) > affinity.Score(0, 1));
        Assert.True(affinity.Score(1, 1) > affinity.Score(1, 0));
    }

    [Fact]
    public void The_hash_covers_the_model_and_the_text()
    {
        var hash = EmbeddingCache.HashOf("all-MiniLM-L6-v2", "text");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, EmbeddingCache.HashOf("another-model", "text"));
        Assert.NotEqual(hash, EmbeddingCache.HashOf("all-MiniLM-L6-v2", "text "));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("all-MiniLM-L6-v2\ntext"u8)), hash);
    }
}

public sealed class EmbeddingCacheOnSqlite(SqliteCore core) : EmbeddingCacheTests(core), IClassFixture<SqliteCore>;

public sealed class EmbeddingCacheOnPostgres(PostgresCore core) : EmbeddingCacheTests(core), IClassFixture<PostgresCore>;
