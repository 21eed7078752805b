using System.Net;
using System.Text.Json;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Api;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Exports;

/// <summary>
/// The /api/v1 reads over the exports' queries, on the demo season with its activity: paging through every record
/// once, the filters, refusals under the parameter's name, each scope refused where it does not reach, and
/// GET /api/v1/exports/{kind} writing the same files as the admin page.
/// </summary>
public abstract class ApplicationsApiTests(CohortApp app, string prefix)
{
    private async Task<HttpClient> ClientAsync(string scope) =>
        ApiTokens.Client(app, await ApiTokens.CreateAsync(app, $"{prefix}-{scope.Replace(':', '-')}-{Guid.NewGuid():N}"[..40], scope));

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, string first)
    {
        var items = new List<JsonElement>();
        for (var next = first; next is not null;)
        {
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return items;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
    }

    [Fact]
    public async Task Applications_page_through_the_season_once_each_with_their_answers_and_filter_by_state()
    {
        var client = await ClientAsync("applications:read");
        var (total, advanced) = await app.WithDbAsync(async db =>
        {
            var current = db.Applications.Where(a => db.Seasons.Any(s => s.Id == a.Form!.SeasonId && s.IsCurrent));
            return (await current.CountAsync(), await current.CountAsync(a => a.State == ApplicationState.Advanced));
        });

        var all = await ReadAllAsync(client, "/api/v1/applications?limit=7");
        var onlyAdvanced = await ReadAllAsync(client, "/api/v1/applications?state=advanced&limit=5");
        var none = await ReadAllAsync(client, "/api/v1/applications?updatedSince=2100-01-01T00:00:00Z");

        var ids = all.Select(a => a.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Order().Distinct(), ids);
        var first = all[0];
        Assert.False(string.IsNullOrEmpty(first.GetProperty("name").GetString()));
        Assert.Contains("@", first.GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("answers").EnumerateArray(), a => a.GetProperty("question").GetString() == "motivation");
        Assert.EndsWith("Z", first.GetProperty("submittedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(advanced, onlyAdvanced.Count);
        Assert.All(onlyAdvanced, a => Assert.Equal("Advanced", a.GetProperty("state").GetString()));
        Assert.Empty(none);
        Assert.True((await ErrorsAsync(await client.GetAsync("/api/v1/applications?state=pondering"))).TryGetProperty("state", out _));
        Assert.True((await ErrorsAsync(await client.GetAsync("/api/v1/applications?season=no-such-season"))).TryGetProperty("season", out _));
    }

    [Fact]
    public async Task Attempts_and_stream_applications_filter_by_assessment_and_stream()
    {
        var client = await ClientAsync("applications:read");
        var (attempts, streamApplications, stream) = await app.WithDbAsync(async db =>
        {
            var current = db.StreamApplications.Where(s => s.Stream!.Track!.Season!.IsCurrent);
            var slug = await current.OrderBy(s => s.Id).Select(s => s.Stream!.Slug).FirstAsync();
            return (await db.Attempts.CountAsync(a => a.Assessment!.Slug == "research-taste" && a.Assessment.Track!.Season!.IsCurrent && a.ClosedAt != null),
                await current.CountAsync(s => s.Stream!.Slug == slug), slug);
        });

        var tasteAttempts = await ReadAllAsync(client, "/api/v1/attempts?assessment=research-taste&closed=true");
        var ofStream = await ReadAllAsync(client, $"/api/v1/stream-applications?stream={stream}&limit=3");

        Assert.Equal(attempts, tasteAttempts.Count);
        Assert.All(tasteAttempts, a => Assert.Equal("research-taste", a.GetProperty("assessment").GetString()));
        Assert.All(tasteAttempts, a => Assert.Equal(JsonValueKind.Number, a.GetProperty("score").GetProperty("total").ValueKind));
        Assert.Equal(streamApplications, ofStream.Count);
        Assert.All(ofStream, s => Assert.Equal(stream, s.GetProperty("stream").GetString()));
        Assert.True((await ErrorsAsync(await client.GetAsync("/api/v1/stream-applications?state=maybe"))).TryGetProperty("state", out _));
    }

    [Fact]
    public async Task The_catalogue_reads_list_tracks_streams_and_mentors_without_mentors_emails()
    {
        var client = await ClientAsync("catalogue:read");
        var (tracks, streams, mentors) = await app.WithDbAsync(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
            return (await db.Tracks.CountAsync(t => t.SeasonId == season.Id), await db.Streams.CountAsync(s => s.Track!.SeasonId == season.Id), await db.Mentors.CountAsync(m => m.SeasonId == season.Id));
        });

        var trackItems = await ReadAllAsync(client, "/api/v1/tracks");
        var streamItems = await ReadAllAsync(client, "/api/v1/streams?limit=4");
        var mentorItems = await ReadAllAsync(client, "/api/v1/mentors?limit=5");
        var track = trackItems[0].GetProperty("slug").GetString();
        var ofTrack = await ReadAllAsync(client, $"/api/v1/streams?track={track}");

        Assert.Equal(tracks, trackItems.Count);
        Assert.Equal(streams, streamItems.Count);
        Assert.Equal(mentors, mentorItems.Count);
        Assert.All(ofTrack, s => Assert.Equal(track, s.GetProperty("track").GetString()));
        Assert.All(streamItems, s => Assert.NotEmpty(s.GetProperty("mentors").EnumerateArray()));
        Assert.All(mentorItems, m => Assert.False(m.TryGetProperty("email", out _)));
        Assert.DoesNotContain("@", string.Join(' ', mentorItems.Select(m => m.GetRawText())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_scope_is_refused_where_it_does_not_reach()
    {
        var catalogue = await ClientAsync("catalogue:read");
        var applications = await ClientAsync("applications:read");

        foreach (var path in new[] { "/api/v1/applications", "/api/v1/attempts", "/api/v1/stream-applications", "/api/v1/exports/applications", "/api/v1/exports/attempts", "/api/v1/exports/stream-applications" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await catalogue.GetAsync(path)).StatusCode);
        }

        foreach (var path in new[] { "/api/v1/tracks", "/api/v1/streams", "/api/v1/mentors" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await applications.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_export_endpoint_writes_csv_or_json_in_the_view_asked_for()
    {
        var client = await ClientAsync("applications:read");

        var csv = await client.GetAsync("/api/v1/exports/applications");
        var json = await client.GetAsync("/api/v1/exports/applications?format=json&view=blind");
        var badFormat = await client.GetAsync("/api/v1/exports/applications?format=xml&view=sideways");
        var noSeason = await client.GetAsync("/api/v1/exports/applications?season=no-such-season");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# Cohort export: applications, season ", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.EndsWith("-applications-identified.csv", csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("blind", document.GetProperty("view").GetString());
        Assert.DoesNotContain("email", document.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var errors = await ErrorsAsync(badFormat);
        Assert.True(errors.TryGetProperty("format", out _));
        Assert.True(errors.TryGetProperty("view", out _));
        Assert.Equal(HttpStatusCode.NotFound, noSeason.StatusCode);
    }
}

[Collection(ExportsOnSqlite.Name)]
public sealed class ApplicationsApiOnSqlite(SqliteActivityApp app) : ApplicationsApiTests(app, "sqlite");

[Collection(ExportsOnPostgres.Name)]
public sealed class ApplicationsApiOnPostgres(PostgresActivityApp app) : ApplicationsApiTests(app, "postgres");
