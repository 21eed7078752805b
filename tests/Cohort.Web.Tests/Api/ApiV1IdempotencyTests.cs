using System.Net;
using System.Text;
using System.Text.Json;
using Cohort.Core.Api;
using Cohort.Core.Jobs;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// Idempotency-Key on /api/v1 writes, through HTTP: a repeat replays the first answer and writes nothing, the same key
/// with another body is a 422, concurrent first uses run the write once, and the daily job forgets keys after 24 h.
/// </summary>
public abstract class ApiV1IdempotencyTests(CohortApp app)
{
    private static HttpRequestMessage Upsert(string mentorName, string? key)
    {
        var body = $$"""{"mentors":[{"slug":"idem-mentor","name":"{{mentorName}}"}]}""";
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/catalogue") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private Task<int> UpsertsByAsync(string token) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == $"token:{token}" && e.Action == "catalogue.upserted"));

    [Fact]
    public async Task A_repeat_with_the_same_key_replays_the_first_answer_and_writes_nothing()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "idem-repeat", "catalogue:write"));

        var first = await client.SendAsync(Upsert("Ada", "key-1"));
        var again = await client.SendAsync(Upsert("Ada", "key-1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("application/json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await UpsertsByAsync("idem-repeat"));
        // Both calls are audited as calls; only the first wrote.
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "token:idem-repeat" && e.Action == "api.put")));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_writes_nothing()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "idem-mismatch", "catalogue:write"));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Upsert("Grace", "key-2"))).StatusCode);

        var other = await client.SendAsync(Upsert("Someone else", "key-2"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("another request", JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Grace", await app.WithDbAsync(db => db.Mentors.Where(m => m.Slug == "idem-mentor").Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task Concurrent_first_uses_of_one_key_run_the_write_once_and_all_get_its_answer()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "idem-race", "catalogue:write"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.SendAsync(Upsert("Hedy", "key-race")))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single((await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal(7, answers.Count(a => a.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(1, await UpsertsByAsync("idem-race"));
    }

    [Fact]
    public async Task Keys_expire_after_24_hours_through_the_daily_job_and_a_write_without_a_key_runs_each_time()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "idem-expiry", "catalogue:write"));
        await client.SendAsync(Upsert("Emmy", "key-old"));
        await client.SendAsync(Upsert("Emmy", null));
        await client.SendAsync(Upsert("Emmy", null));
        Assert.Equal(3, await UpsertsByAsync("idem-expiry"));

        app.Clock.Now += TimeSpan.FromHours(25);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<ExpireIdempotencyKeys>();
            var report = await job.RunAsync(new JobContext(app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(1), app.Clock.GetUtcNow().UtcDateTime), CancellationToken.None);

            Assert.True(report.Count >= 1);
            Assert.Equal(0, await app.WithDbAsync(db => db.IdempotentRequests.CountAsync(r => r.Key == "key-old")));
            var again = await client.SendAsync(Upsert("Emmy", "key-old"));
            Assert.False(again.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(4, await UpsertsByAsync("idem-expiry"));
        }
        finally
        {
            app.Clock.Now -= TimeSpan.FromHours(25);
        }
    }

    [Fact]
    public async Task A_key_that_is_not_printable_ascii_is_400_at_the_header()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "idem-bad-key", "catalogue:write"));

        var answer = await client.SendAsync(Upsert("Rosalind", new string('k', IdempotentRequest.KeyLength + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True(JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(0, await UpsertsByAsync("idem-bad-key"));
    }
}

public sealed class ApiV1IdempotencyOnSqlite(SqliteApp app) : ApiV1IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class ApiV1IdempotencyOnPostgres(PostgresApp app) : ApiV1IdempotencyTests(app), IClassFixture<PostgresApp>;
