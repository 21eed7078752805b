using Cohort.Cli.Hosting;

namespace Cohort.Cli.Tests;

/// <summary>
/// The published `cohort` is native and runs only the commands that need no database (matching, calibration) itself, handing the others to the full
/// build beside it (Hosting/Companion.cs). Which commands it keeps is decided here; the build the tests use keeps all.
/// </summary>
public class PublishedCohortTests
{
    [Theory]
    [InlineData(true, "match", "stable", "x.json")]
    [InlineData(true, "reviewers", "assign", "x.json")]
    [InlineData(true, "match", "--help")]
    [InlineData(true, "calibrate", "reviews.csv")]
    [InlineData(true, "calibrate", "-")]
    [InlineData(false, "affinity", "input.json")] // the embedding model runs on ONNX Runtime, which the native build does not carry
    [InlineData(false, "db", "migrate")]
    [InlineData(false, "seed", "demo")]
    [InlineData(false, "--provider", "Sqlite", "db", "migrate")] // options first: the full build parses them
    [InlineData(false, "--help")]
    [InlineData(false)]
    public void The_native_cohort_runs_the_commands_without_a_database_itself(bool itself, params string[] args) =>
        Assert.Equal(itself, Companion.RunsNatively(args));

    [Fact]
    public void The_built_cohort_keeps_the_database_commands_in_process() =>
        Assert.True(Companion.DatabaseCommandsInProcess);

    [Fact]
    public void The_built_cohort_lists_every_command()
    {
        var run = Cohort.RunRaw(["--help"]);
        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "match", "reviewers", "calibrate", "affinity", "db", "seed", "admin" })
        {
            Assert.Contains($"  {command} ", run.Stdout);
        }
    }
}
