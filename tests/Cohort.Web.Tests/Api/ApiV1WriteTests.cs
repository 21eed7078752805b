using System.Net;
using System.Text;
using System.Text.Json;
using Cohort.Core.Applications;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// The /api/v1 writes over their use cases: the catalogue upsert, bulk decisions and declared conflicts, each audited
/// under the token's name, and bodies whose errors come back at their JSON paths, malformed JSON included.
/// </summary>
public abstract class ApiV1WriteTests(CohortApp app)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, string body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static string[] ErrorsAt(JsonElement problem, string path) =>
        problem.GetProperty("errors").GetProperty(path).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task The_catalogue_upsert_creates_and_updates_by_slug_and_is_audited_under_the_token()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "catalogue-writer", "catalogue:write"));
        var track = await app.WithDbAsync(db => db.Tracks.Where(t => t.Season!.IsCurrent).Select(t => t.Slug).FirstAsync());

        var (status, body) = await SendAsync(client, HttpMethod.Put, "/api/v1/catalogue", $$"""
            {"mentors": [{"slug": "api-mentor", "name": "Api Mentor", "affiliation": "Lab"}],
             "streams": [{"slug": "api-stream", "track": "{{track}}", "name": "Api stream", "capacity": 3, "mentors": ["api-mentor"]}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 mentor(s), 1 stream(s)", body.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var stream = await app.WithDbAsync(db => db.Streams.Include(s => s.Mentors).SingleAsync(s => s.Slug == "api-stream"));
        Assert.Equal(3, stream.Capacity);
        Assert.Single(stream.Mentors);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == "token:catalogue-writer" && e.Action == "catalogue.upserted")));
    }

    [Fact]
    public async Task A_catalogue_upsert_with_errors_names_each_at_its_json_path_and_writes_nothing()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "catalogue-typos", "catalogue:write"));

        var (status, problem) = await SendAsync(client, HttpMethod.Put, "/api/v1/catalogue", """
            {"streams": [{"slug": "ok-stream", "track": "no-such-track", "name": "A", "mentors": ["nobody"]},
                         {"slug": "Bad Slug", "name": "", "track": "no-such-track", "mentors": []}]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown track 'no-such-track'.", ErrorsAt(problem, "streams[0].track"));
        Assert.Contains("unknown mentor 'nobody'.", ErrorsAt(problem, "streams[0].mentors[0]"));
        Assert.NotEmpty(ErrorsAt(problem, "streams[1].slug"));
        Assert.Contains("is required.", ErrorsAt(problem, "streams[1].name"));
        Assert.False(await app.WithDbAsync(db => db.Streams.AnyAsync(s => s.Slug == "ok-stream")));
    }

    [Fact]
    public async Task Malformed_and_mistyped_bodies_are_400_at_their_paths_without_a_stack_trace()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "clumsy", "decisions:write"));

        var (broken, brokenProblem) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions", """{"stage": "general",""");
        var (_, typed) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions", """{"stage": "general", "decision": "advance", "applicationIds": [1, "two"]}""");
        var (_, missing) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions", """{"decision": "advance", "applicationIds": []}""");
        var (_, unknown) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions", """{"stage": "general", "decision": "advance", "applicationIds": [1], "stag": "x"}""");
        var (_, words) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions", """{"stage": "stage-9", "decision": "maybe", "applicationIds": [1]}""");

        Assert.Equal(HttpStatusCode.BadRequest, broken);
        var message = Assert.Single(ErrorsAt(brokenProblem, "$"));
        Assert.StartsWith("The body is not valid JSON at line 1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", brokenProblem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["has the wrong type: expected a whole number."], ErrorsAt(typed, "applicationIds[1]"));
        Assert.Equal(["is required."], ErrorsAt(missing, "stage"));
        Assert.Equal(["is not a field of this request."], ErrorsAt(unknown, "stag"));
        Assert.Contains("general, assessments, streams", Assert.Single(ErrorsAt(words, "stage")), StringComparison.Ordinal);
        Assert.Contains("advance, waitlist, reject", Assert.Single(ErrorsAt(words, "decision")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_decisions_go_through_the_pipeline_use_case_and_are_audited_under_the_token()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "decider", "decisions:write"));
        var submitted = await app.WithDbAsync(async db => new List<int>
        {
            await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, "decided-1@uni.example")),
            await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, "decided-2@uni.example")),
        });

        var (status, body) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions",
            $$"""{"stage": "general", "decision": "waitlist", "applicationIds": [{{submitted[0]}}, {{submitted[1]}}, 999999]}""");
        var (_, empty) = await SendAsync(client, HttpMethod.Post, "/api/v1/decisions", """{"stage": "general", "decision": "reject", "applicationIds": []}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 1), (body.GetProperty("decided").GetInt32(), body.GetProperty("skipped").GetInt32()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Applications.CountAsync(a => submitted.Contains(a.Id) && a.State == ApplicationState.Waitlisted)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "token:decider" && e.Action == "application.waitlisted")));
        Assert.NotEmpty(ErrorsAt(empty, "applicationIds"));
    }

    [Fact]
    public async Task Conflicts_are_declared_all_or_nothing_with_errors_at_each_item()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "pool-keeper", "people:write"));
        await app.WithDbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, await ReviewPool.PersonAsync(db, "api-reviewer@lab.example"));
            return await ReviewPool.PersonAsync(db, "api-applicant@uni.example");
        });

        var (refused, problem) = await SendAsync(client, HttpMethod.Post, "/api/v1/reviewers/conflicts", """
            {"items": [{"reviewer": "api-reviewer@lab.example", "applicant": "api-applicant@uni.example"},
                       {"reviewer": "nobody@lab.example", "applicant": "ghost@uni.example", "reason": "co-author"}]}
            """);
        var (declared, body) = await SendAsync(client, HttpMethod.Post, "/api/v1/reviewers/conflicts", """
            {"items": [{"reviewer": "API-REVIEWER@lab.example", "applicant": "api-applicant@uni.example", "reason": "co-author"},
                       {"reviewer": "api-reviewer@lab.example", "applicant": "api-applicant@uni.example"}]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.NotEmpty(ErrorsAt(problem, "items[1].reviewer"));
        Assert.NotEmpty(ErrorsAt(problem, "items[1].applicant"));
        Assert.False(problem.GetProperty("errors").TryGetProperty("items[0].reviewer", out _));
        Assert.Equal(HttpStatusCode.OK, declared);
        Assert.Equal((1, 1), (body.GetProperty("declared").GetInt32(), body.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Cohort.Core.Review.DeclaredConflict>().CountAsync(c => c.Reason == "co-author")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == "token:pool-keeper" && e.Action == "reviewer.conflict-declared")));
    }
}

public sealed class ApiV1WritesOnSqlite(SqliteApp app) : ApiV1WriteTests(app), IClassFixture<SqliteApp>;

public sealed class ApiV1WritesOnPostgres(PostgresApp app) : ApiV1WriteTests(app), IClassFixture<PostgresApp>;
