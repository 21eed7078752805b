using Cohort.Cli.Tests.Operations;
using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests.Archive;

/// <summary>The demo (this season and last year's, with their activity) seeded once on SQLite, and its current season's archive.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public const string Collection = "season archive";

    public const string CurrentSeason = "2027";
    public const string PastSeason = "2026";

    public TestDatabase Database { get; } = TestDatabase.Create(DatabaseProvider.Sqlite);

    public string Folder { get; } = Directory.CreateTempSubdirectory("cohort-archive-").FullName;

    /// <summary>The current season's archive, as `cohort export season` wrote it.</summary>
    public string Archive { get; private set; } = "";

    public ValueTask InitializeAsync()
    {
        var seed = Cohort.RunRaw(["seed", "demo", "--at", "2027-01-15"], DatabaseRuns.Environment(Database, new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Development" }));
        Assert.True(seed.ExitCode == 0, seed.Stderr);
        var path = Path.Combine(Folder, "current.json");
        var export = DatabaseRuns.Run(Database, "export", "season", "-o", path);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Archive = File.ReadAllText(path);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(SeededDemo.Collection)]
public sealed class SeededDemoCollection : ICollectionFixture<SeededDemo>;
