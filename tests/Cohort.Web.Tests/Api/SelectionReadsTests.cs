using System.Net;
using System.Text.Json;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// The reads of lane exports-b over the demo's activity: reviews and scores under reviews:read, decisions under
/// applications:read, match runs, offers and projects under match:read; cursor pages, filters refused at their name,
/// other scopes refused, and no applicant's name in a reviews:read answer.
/// </summary>
public abstract class SelectionReadsTests(CohortApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Reviews_page_by_cursor_filter_by_stage_and_name_no_applicant()
    {
        var client = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "review-reader", "reviews:read"));

        var seen = new List<int>();
        for (var next = "/api/v1/reviews?stage=general&limit=40"; next is not null;)
        {
            var page = await JsonAsync(await client.GetAsync(next), HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, i => Assert.Equal("general", i.GetProperty("stage").GetString()));
            Assert.All(items, i => Assert.True(i.GetProperty("scores").GetArrayLength() > 0));
            seen.AddRange(items.Select(i => i.GetProperty("id").GetInt32()));
            next = page.GetProperty("next").GetString();
        }

        Assert.True(seen.Count > 40);
        Assert.Equal(seen.Order().Distinct(), seen);
        var body = await client.GetStringAsync("/api/v1/reviews?limit=200");
        Assert.DoesNotContain(DemoActivity.StreamsStageApplicant.DisplayName, body, StringComparison.Ordinal);
        var bad = await JsonAsync(await client.GetAsync("/api/v1/reviews?stage=fourth"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("stage", out _));
        var scores = await JsonAsync(await client.GetAsync("/api/v1/scores?stage=general&limit=200"), HttpStatusCode.OK);
        Assert.Contains(scores.GetProperty("items").EnumerateArray(), i => i.GetProperty("place").ValueKind == JsonValueKind.Number && i.GetProperty("place").GetInt32() == 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/offers")).StatusCode);
        var export = await client.GetAsync("/api/v1/exports/reviews?format=json&view=blind");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var byDefault = await JsonAsync(await client.GetAsync("/api/v1/exports/reviews?format=json"), HttpStatusCode.OK);
        Assert.Equal("blind", byDefault.GetProperty("view").GetString());
        Assert.DoesNotContain(DemoActivity.StreamsStageApplicant.DisplayName, byDefault.GetRawText(), StringComparison.Ordinal);
        var identified = await client.GetAsync("/api/v1/exports/reviews?format=json&view=identified");
        Assert.Equal(HttpStatusCode.Forbidden, identified.StatusCode);
        Assert.Contains("applications:read", await identified.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exported = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == "token:review-reader" && e.Action == "data.exported").Select(e => e.Details).ToListAsync());
        Assert.Equal(2, exported.Count);
        Assert.All(exported, details => Assert.Contains("blind", details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decisions_need_applications_read_and_the_match_reads_need_match_read()
    {
        var admin = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "decision-reader", "applications:read"));
        var match = ApiTokens.Client(app, await ApiTokens.CreateAsync(app, "match-reader", "match:read"));

        var rejected = await JsonAsync(await admin.GetAsync("/api/v1/decisions?stage=general&state=rejected"), HttpStatusCode.OK);
        Assert.NotEqual(0, rejected.GetProperty("items").GetArrayLength());
        Assert.All(rejected.GetProperty("items").EnumerateArray(), i => Assert.Equal("Rejected", i.GetProperty("state").GetString()));
        var badState = await JsonAsync(await admin.GetAsync("/api/v1/decisions?state=maybe"), HttpStatusCode.BadRequest);
        Assert.True(badState.GetProperty("errors").TryGetProperty("state", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/match-runs")).StatusCode);

        var runs = await JsonAsync(await match.GetAsync("/api/v1/match-runs?kind=streams&limit=1"), HttpStatusCode.OK);
        var run = Assert.Single(runs.GetProperty("items").EnumerateArray());
        Assert.True(run.GetProperty("certificate").GetProperty("onlyAcceptablePairs").GetBoolean());
        Assert.NotEqual(0, run.GetProperty("placements").GetArrayLength());
        var offers = await JsonAsync(await match.GetAsync("/api/v1/offers?state=accepted"), HttpStatusCode.OK);
        Assert.All(offers.GetProperty("items").EnumerateArray(), o => Assert.Equal("Accepted", o.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await match.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await match.GetAsync("/api/v1/projects?state=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await match.GetAsync("/api/v1/reviews")).StatusCode);
    }
}

public sealed class SelectionReadsOnSqlite(SqliteActivityApp app) : SelectionReadsTests(app), IClassFixture<SqliteActivityApp>;

public sealed class SelectionReadsOnPostgres(PostgresActivityApp app) : SelectionReadsTests(app), IClassFixture<PostgresActivityApp>;
