using Cohort.Cli.Tests.Operations;
using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests.Archive;

/// <summary>
/// The demo (this season and last year's, with their activity) seeded once on SQLite, last year's cohort given
/// programme rows (<see cref="PastProgramme"/>: milestones, submissions with files, sign-offs, artifacts with a PDF,
/// an extension round with a file answer and endorsements), and its current season's archive.
/// </summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public const string Collection = "season archive";

    public const string CurrentSeason = "2027";
    public const string PastSeason = "2026";

    public TestDatabase Database { get; } = TestDatabase.Create(DatabaseProvider.Sqlite);

    public string Folder { get; } = Directory.CreateTempSubdirectory("cohort-archive-").FullName;

    /// <summary>The current season's archive, as `cohort export season` wrote it.</summary>
    public string Archive { get; private set; } = "";

    /// <summary>The programme rows written into last year's season.</summary>
    public ProgrammeSeed Programme { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var seed = Cohort.RunRaw(["seed", "demo", "--at", "2027-01-15"], DatabaseRuns.Environment(Database, new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Development" }));
        Assert.True(seed.ExitCode == 0, seed.Stderr);
        await using (var db = DatabaseRuns.Context(Database))
        {
            Programme = await PastProgramme.SeedAsync(db, PastSeason, new DateTime(2027, 1, 15, 12, 0, 0, DateTimeKind.Utc));
        }

        var path = Path.Combine(Folder, "current.json");
        var export = DatabaseRuns.Run(Database, "export", "season", "-o", path);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Archive = File.ReadAllText(path);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(SeededDemo.Collection)]
public sealed class SeededDemoCollection : ICollectionFixture<SeededDemo>;
