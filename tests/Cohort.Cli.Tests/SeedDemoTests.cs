using Microsoft.Data.Sqlite;

namespace Cohort.Cli.Tests;

/// <summary>`cohort seed demo` adds accounts whose passwords are published: only in Development, like the web host's seed.</summary>
public sealed class SeedDemoTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-seed-").FullName;

    private string Database => Path.Combine(folder, "cohort.db");

    private CohortRun Seed(string? environment) => Cohort.RunRaw(["seed", "demo", "--connection", $"Data Source={Database}"],
        new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = environment, ["ASPNETCORE_ENVIRONMENT"] = null });

    private long Accounts()
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        return (long)command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_demo_is_refused_with_exit_2_and_no_database_is_touched(string? environment)
    {
        var run = Seed(environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("runs only in Development", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Database), "the refused command created the database");
    }

    [Fact]
    public void In_development_the_demo_season_and_its_accounts_are_added()
    {
        var run = Seed("Development");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Seeded the demo season", run.Stdout, StringComparison.Ordinal);
        Assert.True(Accounts() > 0);
    }

    // Each run is a process of its own, so nothing in this one holds the database file open.
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
