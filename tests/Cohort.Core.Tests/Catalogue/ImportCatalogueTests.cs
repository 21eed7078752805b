using System.Text.Json.Nodes;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Catalogue;

/// <summary>An import either applies whole or changes nothing, and a failed one names every problem and where it is.</summary>
public abstract class ImportCatalogueTests(CoreServicesFixture core)
{
    private Task<string> SnapshotAsync() =>
        core.RunAsync<ExportCatalogue, string>(async export => CatalogueJson.Write((await export.CurrentSeasonAsync())!));

    private Task<int> AuditCountAsync() => core.RunAsync<CohortDbContext, int>(db => db.AuditEntries.CountAsync());

    private Task<ImportOutcome> ImportJsonAsync(string text) =>
        core.RunAsync<ImportCatalogue, ImportOutcome>(import => import.FromJsonAsync(text, Actor.CommandLine));

    private Task<ImportOutcome> ImportCsvAsync(string text) =>
        core.RunAsync<ImportCatalogue, ImportOutcome>(import => import.FromCsvAsync(text, Actor.CommandLine));

    private async Task AssertRefusedWithoutChangeAsync(Func<Task<ImportOutcome>> import, params string[] expectedPlaces)
    {
        var before = await SnapshotAsync();
        var audits = await AuditCountAsync();

        var outcome = await import();

        Assert.False(outcome.Succeeded);
        Assert.Equal(expectedPlaces.Order(), outcome.Problems.Select(p => p.Where).Order());
        Assert.All(outcome.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(audits, await AuditCountAsync());
    }

    private static JsonObject Demo() => JsonNode.Parse(DemoSeason.CatalogueJson(CoreServicesFixture.Demo))!.AsObject();

    [Fact]
    public async Task Broken_json_is_located_by_line_and_changes_nothing()
    {
        var text = DemoSeason.CatalogueJson(CoreServicesFixture.Demo);
        var broken = text[..(text.Length / 2)];

        await AssertRefusedWithoutChangeAsync(() => ImportJsonAsync(broken), (await ImportJsonAsync(broken)).Problems.Single().Where);
        Assert.StartsWith("line ", (await ImportJsonAsync(broken)).Problems.Single().Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_mentors_and_duplicate_slugs_are_all_listed_and_change_nothing()
    {
        var catalogue = Demo();
        var streams = catalogue["streams"]!.AsArray();
        streams[1]!["slug"] = streams[0]!["slug"]!.GetValue<string>();
        streams[2]!["mentors"]!.AsArray().Add("nobody-of-that-name");
        var mentors = catalogue["mentors"]!.AsArray();
        mentors.Add(mentors[2]!.DeepClone());
        streams[4]!["name"] = "Renamed, but the file is refused so this must not land";

        await AssertRefusedWithoutChangeAsync(() => ImportJsonAsync(catalogue.ToJsonString()),
            "$.streams[1].slug", "$.streams[2].mentors[" + (streams[2]!["mentors"]!.AsArray().Count - 1) + "]", $"$.mentors[{mentors.Count - 1}].slug");
    }

    [Fact]
    public async Task Fields_of_the_wrong_type_or_unknown_to_the_format_are_refused()
    {
        var wrongType = Demo();
        wrongType["streams"]![0]!["capacity"] = "three";
        var unknownField = Demo();
        unknownField["streams"]![0]!["capacityy"] = 3;

        Assert.Contains("$.streams[0].capacity", (await ImportJsonAsync(wrongType.ToJsonString())).Problems.Single().Where, StringComparison.Ordinal);
        Assert.Contains("capacityy", (await ImportJsonAsync(unknownField.ToJsonString())).Problems.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_with_unknown_mentors_duplicate_slugs_and_bad_numbers_lists_each_by_line()
    {
        var csv = CatalogueCsv.WriteStreams((await core.RunAsync<ExportCatalogue, CatalogueDocument?>(e => e.CurrentSeasonAsync()))!.Streams);
        var (rows, _) = CatalogueCsv.ReadStreams(csv);
        var edited = rows!.Streams.ToList();
        edited[1] = edited[1] with { Slug = edited[0].Slug };
        edited[2] = edited[2] with { Mentors = [.. edited[2].Mentors, "nobody-of-that-name"] };
        var text = CatalogueCsv.WriteStreams(edited);
        var (reread, _) = CatalogueCsv.ReadStreams(text);
        var line = reread!.Lines;

        await AssertRefusedWithoutChangeAsync(() => ImportCsvAsync(text),
            $"line {line[1]}, column slug", $"line {line[2]}, column mentors[{edited[2].Mentors.Count - 1}]");
    }

    [Fact]
    public async Task Malformed_csv_is_refused_and_changes_nothing()
    {
        var header = string.Join(',', CatalogueCsv.Columns);
        await AssertRefusedWithoutChangeAsync(() => ImportCsvAsync(header + "\nsome-slug,\"unterminated quote\n"), "CSV");
        await AssertRefusedWithoutChangeAsync(() => ImportCsvAsync("slug,name\nx,y\n"), "line 1");
    }

    [Fact]
    public async Task Stage_kinds_are_required_known_not_repeated_and_a_track_with_streams_has_a_streams_stage()
    {
        var catalogue = Demo();
        var stages = catalogue["tracks"]![0]!["stages"]!.AsArray();
        stages[0]!.AsObject().Remove("kind");
        stages[1]!["kind"] = "interview";
        stages[2]!["kind"] = "general";
        stages.Add(stages[2]!.DeepClone());

        await AssertRefusedWithoutChangeAsync(() => ImportJsonAsync(catalogue.ToJsonString()),
            "$.tracks[0].stages[0].kind", "$.tracks[0].stages[1].kind", "$.tracks[0].stages[3].kind", "$.tracks[0].stages");
    }

    [Fact]
    public async Task A_file_may_leave_out_optional_fields_and_lists()
    {
        const string minimal = """
            { "season": { "slug": "minimal-season", "name": "A minimal season", "programmeStart": "2030-06-01", "programmeEnd": "2030-08-01" },
              "tracks": [ { "slug": "minimal-track", "name": "Minimal" } ],
              "mentors": [ { "slug": "solo-mentor", "name": "Solo Mentor" } ],
              "streams": [ { "slug": "minimal-stream", "track": "minimal-track", "name": "Minimal stream", "mentors": ["solo-mentor"] } ] }
            """;

        var outcome = await ImportJsonAsync(minimal);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var stream = await core.RunAsync<CohortDbContext, Core.Catalogue.ResearchStream>(db => db.Streams.SingleAsync(s => s.Slug == "minimal-stream"));
        Assert.Equal(("", "", Core.Catalogue.StreamLocation.Remote), (stream.Tagline, stream.DescriptionMarkdown, stream.Location));
    }

    [Fact]
    public async Task An_explicit_null_for_a_text_field_is_a_problem_not_a_crash()
    {
        var catalogue = Demo();
        catalogue["streams"]![0]!["tagline"] = null;

        await AssertRefusedWithoutChangeAsync(() => ImportJsonAsync(catalogue.ToJsonString()),
            (await ImportJsonAsync(catalogue.ToJsonString())).Problems.Single().Where);
        Assert.Contains("$.streams[0].tagline", (await ImportJsonAsync(catalogue.ToJsonString())).Problems.Single().Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_catalogue_imports_back_unchanged()
    {
        var before = await SnapshotAsync();

        var outcome = await ImportJsonAsync(before);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Csv_import_updates_streams_in_place_and_is_audited()
    {
        var document = (await core.RunAsync<ExportCatalogue, CatalogueDocument?>(e => e.CurrentSeasonAsync()))!;
        var target = document.Streams[0];
        var changed = document.Streams.Select(s => s.Slug == target.Slug ? s with { Capacity = s.Capacity + 1, Tagline = "A new tagline from a spreadsheet" } : s);
        var audits = await AuditCountAsync();

        var outcome = await ImportCsvAsync(CatalogueCsv.WriteStreams(changed));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var stored = await core.RunAsync<CohortDbContext, Core.Catalogue.ResearchStream>(db => db.Streams.SingleAsync(s => s.Slug == target.Slug));
        Assert.Equal(target.Capacity + 1, stored.Capacity);
        Assert.Equal("A new tagline from a spreadsheet", stored.Tagline);
        Assert.Equal(audits + 1, await AuditCountAsync());
    }

    [Fact]
    public async Task Seeding_the_demo_twice_keeps_the_existing_data()
    {
        var before = await SnapshotAsync();

        Assert.False(await core.RunAsync<DemoSeason, bool>(seed => seed.SeedAsync()));
        Assert.Equal(before, await SnapshotAsync());
    }
}

public sealed class ImportCatalogueOnSqlite(SqliteCore core) : ImportCatalogueTests(core), IClassFixture<SqliteCore>;

public sealed class ImportCatalogueOnPostgres(PostgresCore core) : ImportCatalogueTests(core), IClassFixture<PostgresCore>;
