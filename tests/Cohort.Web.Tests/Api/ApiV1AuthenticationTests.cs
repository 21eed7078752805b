using System.Net;
using System.Text.Json;
using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// /api/v1 takes bearer tokens only: none, unknown, expired and revoked get 401 ProblemDetails with WWW-Authenticate,
/// a token without the scope gets 403, a good one gets its page, and every call is audited under the token's name.
/// </summary>
public abstract class ApiV1AuthenticationTests(CohortApp app)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Without_a_token_or_with_an_unknown_one_the_answer_is_401_with_a_bearer_challenge()
    {
        var none = await ApiTokens.Client(app, null).GetAsync("/api/v1/seasons");
        var unknown = await ApiTokens.Client(app, "coh_" + new string('A', 43)).GetAsync("/api/v1/seasons");
        var garbage = await ApiTokens.Client(app, "hello").GetAsync("/api/v1/seasons");

        await ProblemAsync(none, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Contains("unknown, expired or revoked", (await ProblemAsync(unknown, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer error=\"invalid_token\"", unknown.Headers.WwwAuthenticate.ToString());
        await ProblemAsync(garbage, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoked_and_expired_tokens_get_401()
    {
        var revoked = await ApiTokens.CreateAsync(app, "revoked-one", "catalogue:read");
        var expired = await ApiTokens.CreateAsync(app, "expired-one", "catalogue:read");
        Assert.Equal(HttpStatusCode.OK, (await ApiTokens.Client(app, revoked).GetAsync("/api/v1/seasons")).StatusCode);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "revoked-one").ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now)));
        await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "expired-one").ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, now)));

        await ProblemAsync(await ApiTokens.Client(app, revoked).GetAsync("/api/v1/seasons"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await ApiTokens.Client(app, expired).GetAsync("/api/v1/seasons"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_403()
    {
        var secret = await ApiTokens.CreateAsync(app, "reviews-only", "reviews:read", "match:read");

        var problem = await ProblemAsync(await ApiTokens.Client(app, secret).GetAsync("/api/v1/seasons"), HttpStatusCode.Forbidden);

        Assert.Contains("scope", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_token_reads_and_its_call_is_audited_under_its_name()
    {
        var secret = await ApiTokens.CreateAsync(app, "reader", "catalogue:read");

        var response = await ApiTokens.Client(app, secret).GetAsync("/api/v1/seasons?current=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("isCurrent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == "token:reader").SingleAsync());
        Assert.Equal(("api.get", "/api/v1/seasons?current=true", "status 200"), (entry.Action, entry.Subject, entry.Details));
        Assert.NotNull(await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "reader").Select(t => t.LastUsedAt).SingleAsync()));
    }

    [Fact]
    public async Task Pages_follow_their_next_links_to_the_end_and_bad_parameters_are_400_at_their_name()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "pager", "catalogue:read"));
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                db.Seasons.Add(new Cohort.Core.Catalogue.Season { Slug = $"paged-{i}", Name = $"Paged {i}" });
            }

            return await db.SaveChangesAsync();
        });
        var expected = await app.WithDbAsync(db => db.Seasons.CountAsync());

        var seen = new List<int>();
        for (var next = "/api/v1/seasons?limit=2"; next is not null;)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync(next)).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(expected, seen.Count);
        Assert.Equal(seen.Order(), seen);
        var tooMany = await ProblemAsync(await client.GetAsync("/api/v1/seasons?limit=201"), HttpStatusCode.BadRequest);
        Assert.Contains("between 1 and 200", tooMany.GetProperty("errors").GetProperty("limit")[0].GetString(), StringComparison.Ordinal);
        var forged = await ProblemAsync(await client.GetAsync("/api/v1/seasons?cursor=not-ours"), HttpStatusCode.BadRequest);
        Assert.True(forged.GetProperty("errors").TryGetProperty("cursor", out _));
    }
}

public sealed class ApiV1AuthenticationOnSqlite(SqliteApp app) : ApiV1AuthenticationTests(app), IClassFixture<SqliteApp>;

public sealed class ApiV1AuthenticationOnPostgres(PostgresApp app) : ApiV1AuthenticationTests(app), IClassFixture<PostgresApp>;
