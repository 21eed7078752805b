using Cohort.Cli.Hosting;
using Cohort.Cli.Matching;

namespace Cohort.Cli.Tests;

/// <summary>
/// The published `cohort` is native and runs only the matching commands itself, handing the others to the full
/// build beside it (Hosting/Companion.cs). Which commands it keeps is decided here; the build the tests use keeps all.
/// </summary>
public class PublishedCohortTests
{
    [Theory]
    [InlineData(true, "match", "stable", "x.json")]
    [InlineData(true, "reviewers", "assign", "x.json")]
    [InlineData(true, "match", "--help")]
    [InlineData(false, "db", "migrate")]
    [InlineData(false, "seed", "demo")]
    [InlineData(false, "--provider", "Sqlite", "db", "migrate")] // options first: the full build parses them
    [InlineData(false, "--help")]
    [InlineData(false)]
    public void The_native_cohort_runs_the_matching_commands_itself(bool itself, params string[] args) =>
        Assert.Equal(itself, MatchingCommands.Handles(args));

    [Fact]
    public void The_built_cohort_keeps_the_database_commands_in_process() =>
        Assert.True(Companion.DatabaseCommandsInProcess);

    [Fact]
    public void The_built_cohort_lists_every_command()
    {
        var run = Cohort.RunRaw(["--help"]);
        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "match", "reviewers", "db", "seed", "admin" })
        {
            Assert.Contains($"  {command} ", run.Stdout);
        }
    }
}
