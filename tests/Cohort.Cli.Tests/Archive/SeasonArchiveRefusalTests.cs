using System.Text.Json.Nodes;
using Cohort.Cli.Tests.Operations;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Cli.Tests.Archive;

/// <summary>Each bad archive or target is refused in one line with exit 2, and nothing is written.</summary>
[Collection(SeededDemo.Collection)]
public sealed class SeasonArchiveRefusalTests(SeededDemo demo)
{
    public static TheoryData<string, string> BadArchives => new()
    {
        { "not JSON", "is not valid JSON" },
        { "another format", "is not a Cohort season archive" },
        { "another version", "this Cohort reads version 1 only" },
        { "an unknown entity", "$.entities.Spaceship: this Cohort's schema has no such entity" },
        { "an unknown column", "$.entities.Track[0].Colour: Track has no such column" },
        { "a missing column", "$.entities.Track[0] has no \"Name\"" },
        { "a value of the wrong type", "$.entities.Season[0].MinimumAge: \"old enough\" is not a Int32" },
    };

    [Theory]
    [MemberData(nameof(BadArchives))]
    public void A_bad_archive_is_refused_in_one_line_and_no_database_is_created(string bad, string message)
    {
        var target = Path.Combine(demo.Folder, $"target-{Guid.NewGuid():N}.db");

        var run = ImportInto($"Data Source={target}", Broken(bad));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(target), "the refused import created the database");
    }

    [Fact]
    public async Task A_database_that_is_not_empty_is_refused_and_keeps_what_it_had()
    {
        await using var before = DatabaseRuns.Context(demo.Database);
        var seasons = await before.Seasons.CountAsync();

        var path = Write(demo.Archive);
        var run = DatabaseRuns.Run(demo.Database, "import", "season", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not empty (it has rows in", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        await using var after = DatabaseRuns.Context(demo.Database);
        Assert.Equal(seasons, await after.Seasons.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Rows_that_do_not_fit_together_are_refused_and_the_transaction_leaves_no_row(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        var archive = JsonNode.Parse(demo.Archive)!;
        archive["entities"]!["Track"]![0]!["SeasonId"] = 999;

        var run = DatabaseRuns.Run(database, "import", "season", Write(archive.ToJsonString()));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rows do not fit together", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        await using var after = DatabaseRuns.Context(database);
        Assert.False(await after.Users.AnyAsync());
        Assert.False(await after.Seasons.AnyAsync());
    }

    [Fact]
    public void An_export_of_a_season_that_does_not_exist_is_refused_and_writes_no_file()
    {
        var path = Path.Combine(demo.Folder, $"none-{Guid.NewGuid():N}.json");

        var run = DatabaseRuns.Run(demo.Database, "export", "season", "--season", "1999", "-o", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("cohort export season: there is no season '1999'.", run.Stderr.Trim());
        Assert.False(File.Exists(path));
    }

    private CohortRun ImportInto(string connection, string archive) => Cohort.RunRaw(["import", "season", Write(archive), "--connection", connection],
        new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = null, ["Database__Provider"] = null, ["ConnectionStrings__Cohort"] = null });

    private string Write(string archive)
    {
        var path = Path.Combine(demo.Folder, $"archive-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, archive);
        return path;
    }

    private string Broken(string bad)
    {
        if (bad == "not JSON")
        {
            return demo.Archive[..200];
        }

        var archive = JsonNode.Parse(demo.Archive)!;
        var track = archive["entities"]!["Track"]![0]!.AsObject();
        switch (bad)
        {
            case "another format": archive["format"] = "something-else"; break;
            case "another version": archive["version"] = 2; break;
            case "an unknown entity": archive["entities"]!["Spaceship"] = new JsonArray(); break;
            case "an unknown column": track["Colour"] = "blue"; break;
            case "a missing column": track.Remove("Name"); break;
            case "a value of the wrong type": archive["entities"]!["Season"]![0]!["MinimumAge"] = "old enough"; break;
        }

        return archive.ToJsonString();
    }
}
