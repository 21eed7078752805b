using System.Net;
using System.Text.Json;
using Cohort.Core.Accounts;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// The programme's reads over last season's demo cohort with programme rows written in directly: fellows, milestones
/// and extensions under programme:read, named only for a token that also holds applications:read; artifacts under
/// catalogue:read, the showcase and nothing else, in the list and in the export. Cursor pages, filters refused at
/// their name, and other scopes refused; and the admin's exports page, which offers the programme's kinds too.
/// </summary>
public abstract class ProgrammeReadsTests(CohortApp app)
{
    private const string PastSeason = PastProgramme.PastSeason;

    private Task<ProgrammeSeed> SeedAsync() => PastProgramme.OnceAsync(app, () =>
        app.WithDbAsync(db => PastProgramme.SeedAsync(db, PastSeason, app.Clock.GetUtcNow().UtcDateTime)));

    private async Task<HttpClient> ClientAsync(string name, params string[] scopes) => ApiTokens.Client(app, await ApiTokens.CreateAsync(app, name, scopes));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string first)
    {
        var all = new List<JsonElement>();
        for (var next = first; next is not null;)
        {
            var page = await JsonAsync(await client.GetAsync(next), HttpStatusCode.OK);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return all;
    }

    private static JsonElement ById(IEnumerable<JsonElement> items, string property, int id) => items.Single(i => i.GetProperty(property).GetInt32() == id);

    [Fact]
    public async Task Fellows_page_by_cursor_filter_by_season_stream_and_extension_and_are_named_only_under_applications_read()
    {
        var seed = await SeedAsync();
        var programme = await ClientAsync("fellows-reader", "programme:read");
        var admin = await ClientAsync("fellows-admin", "programme:read", "applications:read");

        var fellows = await AllAsync(programme, $"/api/v1/fellows?season={PastSeason}&limit=5");
        var cohort = await app.WithDbAsync(db => Task.FromResult(db.Fellowships.Count(f => f.SeasonId == seed.SeasonId)));
        Assert.Equal(cohort, fellows.Count);
        var ids = fellows.Select(f => f.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Order().Distinct(), ids);
        var fellow = ById(fellows, "id", seed.Fellow.FellowshipId);
        Assert.Equal(JsonValueKind.Null, fellow.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, fellow.GetProperty("email").ValueKind);
        Assert.Equal("AtRisk", fellow.GetProperty("latestAssessment").GetString());
        var body = await programme.GetStringAsync($"/api/v1/fellows?season={PastSeason}&limit=200");
        Assert.DoesNotContain(seed.Fellow.Email, body, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Fellow.Name, body, StringComparison.Ordinal);

        var extended = await AllAsync(programme, "/api/v1/fellows?extended=true");
        Assert.Contains(extended, f => f.GetProperty("id").GetInt32() == seed.Fellow.FellowshipId);
        Assert.All(extended, f => Assert.True(f.GetProperty("extended").GetBoolean()));
        Assert.All(await AllAsync(programme, "/api/v1/fellows?extended=false"), f => Assert.False(f.GetProperty("extended").GetBoolean()));
        var stream = fellow.GetProperty("stream").GetString()!;
        var inStream = await AllAsync(programme, $"/api/v1/fellows?season={PastSeason}&stream={stream}");
        Assert.NotEmpty(inStream);
        Assert.All(inStream, f => Assert.Equal(stream, f.GetProperty("stream").GetString()));

        var named = ById((await JsonAsync(await admin.GetAsync($"/api/v1/fellows?season={PastSeason}&limit=200"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), "id", seed.Fellow.FellowshipId);
        Assert.Equal((seed.Fellow.Name, seed.Fellow.Email), (named.GetProperty("name").GetString(), named.GetProperty("email").GetString()));

        var unknown = await JsonAsync(await programme.GetAsync("/api/v1/fellows?season=1999"), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("season", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await programme.GetAsync("/api/v1/fellows?limit=0")).StatusCode);
        var noScope = await ClientAsync("fellows-applications-only", "applications:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await noScope.GetAsync("/api/v1/fellows")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await noScope.GetAsync("/api/v1/milestones")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiTokens.Client(app, null).GetAsync("/api/v1/fellows")).StatusCode);
    }

    [Fact]
    public async Task Milestones_carry_each_fellows_progress_with_identity_taken_out_of_the_text_without_applications_read()
    {
        var seed = await SeedAsync();
        var programme = await ClientAsync("milestones-reader", "programme:read");
        var admin = await ClientAsync("milestones-admin", "programme:read", "applications:read");

        var milestones = await AllAsync(programme, $"/api/v1/milestones?season={PastSeason}&limit=1");
        var plan = ById(milestones, "id", seed.ResearchPlanId);
        Assert.Equal(("File", true), (plan.GetProperty("submission").GetString(), plan.GetProperty("requiresSignOff").GetBoolean()));
        var progress = ById(plan.GetProperty("progress").EnumerateArray(), "fellowshipId", seed.Fellow.FellowshipId);
        Assert.Equal(("AtRisk", false), (progress.GetProperty("signOff").GetString(), progress.GetProperty("late").GetBoolean()));
        Assert.Contains(BlindRedaction.NameHidden, progress.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.True(ById(plan.GetProperty("progress").EnumerateArray(), "fellowshipId", seed.Other.FellowshipId).GetProperty("late").GetBoolean());
        Assert.Equal(seed.Fellow.FellowshipId, Assert.Single(ById(milestones, "id", seed.ExtensionMilestoneId).GetProperty("progress").EnumerateArray()).GetProperty("fellowshipId").GetInt32());

        var stream = await app.WithDbAsync(db => Task.FromResult(db.Streams.Single(s => db.Fellowships.Any(f => f.Id == seed.Other.FellowshipId && f.StreamId == s.Id)).Slug));
        var narrowed = ById(await AllAsync(programme, $"/api/v1/milestones?season={PastSeason}&stream={stream}"), "id", seed.ResearchPlanId);
        Assert.Contains(narrowed.GetProperty("progress").EnumerateArray(), p => p.GetProperty("fellowshipId").GetInt32() == seed.Other.FellowshipId);
        var streamName = await app.WithDbAsync(db => Task.FromResult(db.Streams.Single(s => s.Slug == stream && s.Track!.SeasonId == seed.SeasonId).Name));
        Assert.All(narrowed.GetProperty("progress").EnumerateArray(), p => Assert.Equal(streamName, p.GetProperty("stream").GetString()));

        var named = ById(ById(await AllAsync(admin, $"/api/v1/milestones?season={PastSeason}"), "id", seed.ResearchPlanId).GetProperty("progress").EnumerateArray(), "fellowshipId", seed.Fellow.FellowshipId);
        Assert.Contains(seed.Fellow.Name, named.GetProperty("comment").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Artifacts_are_the_public_showcase_only_in_the_list_and_in_the_export()
    {
        var seed = await SeedAsync();
        var catalogue = await ClientAsync("showcase-reader", "catalogue:read");
        var admin = await ClientAsync("showcase-admin", "catalogue:read", "applications:read", "programme:read");

        foreach (var client in new[] { catalogue, admin })
        {
            var artifacts = await AllAsync(client, "/api/v1/artifacts?limit=1");
            var shown = ById(artifacts, "id", seed.PublicArtifactId);
            Assert.DoesNotContain(artifacts, a => seed.HiddenArtifactIds.Contains(a.GetProperty("id").GetInt32()));
            Assert.Equal([seed.Fellow.Name, seed.OutsideAuthor, seed.MentorName], shown.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
            Assert.Equal(["fellow", "outside", "mentor"], shown.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("role").GetString()));
            var csv = await client.GetStringAsync($"/api/v1/exports/artifacts?season={PastSeason}");
            Assert.Contains(ProgrammeSeed.PublicTitle, csv, StringComparison.Ordinal);
            foreach (var hidden in new[] { ProgrammeSeed.DraftTitle, ProgrammeSeed.UnconfirmedTitle, ProgrammeSeed.PrivateTitle })
            {
                Assert.DoesNotContain(hidden, csv, StringComparison.Ordinal);
            }
        }

        Assert.Contains(await AllAsync(catalogue, $"/api/v1/artifacts?season={PastSeason}&kind=paper"), a => a.GetProperty("id").GetInt32() == seed.PublicArtifactId);
        Assert.DoesNotContain(await AllAsync(catalogue, "/api/v1/artifacts?kind=technicalreport"), a => a.GetProperty("id").GetInt32() == seed.PublicArtifactId);
        var bad = await JsonAsync(await catalogue.GetAsync("/api/v1/artifacts?kind=poem"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("kind", out _));
        var programme = await ClientAsync("showcase-programme-only", "programme:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await programme.GetAsync("/api/v1/artifacts")).StatusCode);
    }

    [Fact]
    public async Task Extension_rounds_and_applications_filter_by_round_and_state_and_name_fellows_only_under_applications_read()
    {
        var seed = await SeedAsync();
        var programme = await ClientAsync("extensions-reader", "programme:read");
        var admin = await ClientAsync("extensions-admin", "programme:read", "applications:read");

        var round = ById(await AllAsync(programme, $"/api/v1/extension-rounds?season={PastSeason}"), "id", seed.RoundId);
        Assert.Equal((1, 8000, "GBP", 2, 1, 5000), (round.GetProperty("seats").GetInt32(), round.GetProperty("budget").GetInt32(), round.GetProperty("currency").GetString(),
            round.GetProperty("applications").GetInt32(), round.GetProperty("accepted").GetInt32(), round.GetProperty("acceptedAmount").GetInt32()));
        var question = Assert.Single(round.GetProperty("questions").EnumerateArray());
        Assert.Equal(("plan", "File"), (question.GetProperty("key").GetString(), question.GetProperty("kind").GetString()));

        var applications = await AllAsync(programme, $"/api/v1/extension-applications?round={seed.RoundId}&limit=1");
        Assert.Equal(2, applications.Count);
        var accepted = ById(applications, "fellowshipId", seed.Fellow.FellowshipId);
        Assert.Equal(("Advanced", 4.5, 2, true), (accepted.GetProperty("state").GetString(), accepted.GetProperty("endorsementRating").GetDouble(),
            accepted.GetProperty("endorsements").GetInt32(), accepted.GetProperty("decided").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("name").ValueKind);
        var rejected = Assert.Single(await AllAsync(programme, $"/api/v1/extension-applications?round={seed.RoundId}&state=rejected"));
        Assert.Equal(seed.Other.FellowshipId, rejected.GetProperty("fellowshipId").GetInt32());
        var badState = await JsonAsync(await programme.GetAsync("/api/v1/extension-applications?state=maybe"), HttpStatusCode.BadRequest);
        Assert.True(badState.GetProperty("errors").TryGetProperty("state", out _));

        var named = ById(await AllAsync(admin, $"/api/v1/extension-applications?round={seed.RoundId}"), "fellowshipId", seed.Fellow.FellowshipId);
        Assert.Equal(seed.Fellow.Email, named.GetProperty("email").GetString());

        var export = await JsonAsync(await programme.GetAsync($"/api/v1/exports/extensions?season={PastSeason}&format=json"), HttpStatusCode.OK);
        Assert.Equal("blind", export.GetProperty("view").GetString());
        Assert.DoesNotContain(seed.Fellow.Email, export.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await programme.GetAsync($"/api/v1/exports/fellows?season={PastSeason}&view=identified")).StatusCode);
        var catalogue = await ClientAsync("extensions-catalogue-only", "catalogue:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await catalogue.GetAsync("/api/v1/extension-rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await catalogue.GetAsync("/api/v1/extension-applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await catalogue.GetAsync("/api/v1/exports/milestones")).StatusCode);
    }

    [Fact]
    public async Task The_admins_exports_page_offers_the_four_programme_kinds_and_its_artifacts_file_holds_every_state()
    {
        var seed = await SeedAsync();
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync($"/admin/exports?season={PastSeason}");
        foreach (var kind in new[] { "fellows", "milestones", "artifacts", "extensions" })
        {
            Assert.NotNull(page.One($"#export-kinds [data-kind='{kind}']"));
        }

        var link = page.One("#export-kinds [data-kind='artifacts'] a")!.GetAttribute("href")!;
        var csv = await admin.Client.GetStringAsync(link);
        Assert.Contains(ProgrammeSeed.PublicTitle, csv, StringComparison.Ordinal);
        Assert.Contains(ProgrammeSeed.DraftTitle, csv, StringComparison.Ordinal);
        Assert.Contains(ProgrammeSeed.UnconfirmedTitle, csv, StringComparison.Ordinal);
        var milestones = await admin.Client.GetStringAsync($"/admin/exports?handler=Download&kind=milestones&season={PastSeason}&format=csv&view=identified");
        Assert.StartsWith($"# Cohort export: milestones, season {PastSeason}", milestones, StringComparison.Ordinal);
        Assert.Contains(seed.Fellow.Email, milestones, StringComparison.Ordinal);
    }
}

public sealed class ProgrammeReadsOnSqlite(SqliteActivityApp app) : ProgrammeReadsTests(app), IClassFixture<SqliteActivityApp>;

public sealed class ProgrammeReadsOnPostgres(PostgresActivityApp app) : ProgrammeReadsTests(app), IClassFixture<PostgresActivityApp>;
