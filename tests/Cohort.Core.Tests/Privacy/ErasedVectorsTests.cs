using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Privacy;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Privacy;

/// <summary>
/// Erasure reaches the vector cache: the vectors of the erased applicant's statement, as written and as blind reviewers
/// read it (their name redacted), are deleted; another applicant's stay.
/// </summary>
public abstract class ErasedVectorsTests(CoreServicesFixture core)
{
    private sealed record Person(string Id, int Application, IReadOnlyList<string> Hashes);

    private async Task<Person> EmbeddedApplicantAsync(string topic)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var id = await core.RunAsync<CohortDbContext, string>(db => ReviewPool.PersonAsync(db, $"vectors-{tag}@example.net"));
        await using var scope = core.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync();
        var application = await ReviewPool.ApplicationAsync(db, id, "", $"I am {name} and I study {topic} ({tag}). My plan is to measure {topic} in small models.");
        var season = await db.Applications.Where(a => a.Id == application).Select(a => a.Form!.SeasonId).SingleAsync();
        var written = await db.Applications.Where(a => a.Id == application).SelectMany(a => a.Answers).Select(a => a.Value).ToListAsync();
        var blind = (await ResearchStatement.OfGeneralApplicationsAsync(db, season, db.Applications.Where(a => a.Id == application), CancellationToken.None)).Values;
        var units = written.Concat(blind).SelectMany(SemanticMethod.Chosen.UnitsOf).Distinct().ToList();
        var cache = scope.ServiceProvider.GetRequiredService<EmbeddingCache>();
        await cache.GetOrComputeAsync(units);
        Assert.Contains(units, u => u.Contains(BlindRedaction.NameHidden, StringComparison.Ordinal));
        return new(id, application, [.. units.Select(u => EmbeddingCache.HashOf(cache.Model, u))]);
    }

    private Task<int> StoredAsync(Person person) =>
        core.RunAsync<CohortDbContext, int>(db => db.Set<TextEmbedding>().CountAsync(e => person.Hashes.Contains(e.TextHash)));

    [Fact]
    public async Task Erasing_an_applicant_deletes_the_vectors_of_their_statement_and_keeps_anothers()
    {
        var erased = await EmbeddedApplicantAsync("reward hacking");
        var kept = await EmbeddedApplicantAsync("sparse autoencoders");
        Assert.Equal(erased.Hashes.Count, await StoredAsync(erased));

        var outcome = await core.RunAsync<EraseApplicant, ErasureOutcome>(erase => erase.RunAsync(new Actor("admin-id", "admin@example.net"), erased.Id));

        Assert.True(outcome.Erased, outcome.Refusal);
        Assert.Equal(0, await StoredAsync(erased));
        Assert.Equal(kept.Hashes.Count, await StoredAsync(kept));
    }
}

public sealed class ErasedVectorsOnSqlite(SqliteCore core) : ErasedVectorsTests(core), IClassFixture<SqliteCore>;

public sealed class ErasedVectorsOnPostgres(PostgresCore core) : ErasedVectorsTests(core), IClassFixture<PostgresCore>;
