using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cohort.Cli.Tests.Operations;
using Cohort.Core.Archive;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Cli.Tests.Archive;

/// <summary>
/// The demo season goes SQLite → PostgreSQL → SQLite through `cohort export season` and `cohort import season`, and
/// the three archives are the same bytes but for the fields docs/archive.md says an export regenerates.
/// </summary>
[Collection(SeededDemo.Collection)]
public sealed class SeasonArchiveRoundTripTests(SeededDemo demo)
{
    [Theory]
    [InlineData(null)]
    [InlineData(SeededDemo.PastSeason)]
    public async Task A_season_exported_from_SQLite_imported_into_PostgreSQL_and_back_into_SQLite_exports_the_same_archive(string? season)
    {
        await using var postgres = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var sqlite = TestDatabase.Create(DatabaseProvider.Sqlite);
        string[] which = season is null ? [] : ["--season", season];

        var first = Export(demo.Database, which, "first");
        Import(postgres, first);
        var second = Export(postgres, which, "second");
        Import(sqlite, second);
        var third = Export(sqlite, which, "third");

        Assert.Equal(WithoutRegenerated(first), WithoutRegenerated(second));
        Assert.Equal(WithoutRegenerated(first), WithoutRegenerated(third));
        await using var restored = DatabaseRuns.Context(sqlite);
        Assert.Equal(season ?? SeededDemo.CurrentSeason, (await restored.Seasons.SingleAsync()).Slug);
        Assert.False(await restored.Users.AnyAsync(u => u.PasswordHash != null), "a restored account has a password");
    }

    [Fact]
    public void The_archive_holds_each_kind_of_thing_the_season_has_and_no_secret()
    {
        var archive = JsonNode.Parse(demo.Archive)!;
        var entities = archive["entities"]!.AsObject();

        Assert.Equal(SeasonArchiveFormat.Name, (string?)archive["format"]);
        Assert.Equal(SeasonArchiveFormat.Version, (int?)archive["version"]);
        foreach (var kind in new[] { "Season", "Track", "ResearchStream", "ApplicationForm", "Question", "Application", "Answer", "StoredFile", "Attempt",
                     "StreamApplication", "StreamAnswer", "ReviewRound", "ReviewAssignment", "ReviewSubmission", "CriterionScore", "StreamPreference", "AuditEntry", "CohortUser" })
        {
            Assert.True(entities[kind]!.AsArray().Count > 0, $"the demo season's archive has no {kind}");
        }

        Assert.Single(entities["Season"]!.AsArray());
        Assert.DoesNotContain("PasswordHash", demo.Archive, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", demo.Archive, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiToken", demo.Archive, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_seasons_archive_holds_its_programme_with_the_files_of_submissions_artifacts_and_answers_and_this_seasons_none_of_it()
    {
        var archive = JsonNode.Parse(Export(demo.Database, ["--season", SeededDemo.PastSeason], "programme"))!["entities"]!.AsObject();
        var current = JsonNode.Parse(demo.Archive)!["entities"]!.AsObject();

        foreach (var kind in new[] { "Fellowship", "Milestone", "MilestoneSubmission", "CheckIn", "Artifact", "ArtifactAuthor", "ExtensionRound", "ExtensionQuestion",
                     "ExtensionApplication", "ExtensionAnswer", "ExtensionEndorsement" })
        {
            Assert.True(archive[kind]?.AsArray().Count > 0, $"last season's archive has no {kind}");
            Assert.True(current[kind] is null || current[kind]!.AsArray().Count == 0, $"this season's archive holds last season's {kind}");
        }

        var files = archive["StoredFile"]!.AsArray().Select(f => (int)f!["Id"]!).ToHashSet();
        var pointedAt = archive["MilestoneSubmission"]!.AsArray().Select(s => (int?)s!["FileId"])
            .Concat(archive["Artifact"]!.AsArray().Select(a => (int?)a!["PdfFileId"]))
            .Concat(archive["ExtensionAnswer"]!.AsArray().Select(a => (int?)a!["FileId"]))
            .OfType<int>().ToList();
        Assert.True(pointedAt.Count >= 4, "the four files the programme rows point at are missing");
        Assert.All(pointedAt, id => Assert.Contains(id, files));
        Assert.Contains(archive["Artifact"]!.AsArray(), a => (int)a!["Id"]! == demo.Programme.PublicArtifactId);
    }

    private string Export(TestDatabase database, string[] season, string name)
    {
        var path = Path.Combine(demo.Folder, $"{name}-{Guid.NewGuid():N}.json");
        var run = DatabaseRuns.Run(database, ["export", "season", .. season, "-o", path]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return File.ReadAllText(path);
    }

    private void Import(TestDatabase database, string archive)
    {
        var path = Path.Combine(demo.Folder, $"import-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, archive);
        var run = DatabaseRuns.Run(database, "import", "season", path);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Forgot your password?", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The archive with the value of each regenerated field blanked: the rest is compared byte for byte.</summary>
    private static string WithoutRegenerated(string archive) => SeasonArchiveFormat.RegeneratedFields.Aggregate(archive,
        (text, field) => Regex.Replace(text, $"^  \"{field}\": \"[^\"]*\",$", $"  \"{field}\": \"\",", RegexOptions.Multiline));
}
