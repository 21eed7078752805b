using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests;

/// <summary>`cohort purge` applies Cohort:RetainApplicantsForMonths: a dry run lists and changes nothing; without the setting, or with a bad one, it says which.</summary>
public sealed class PurgeTests : IAsyncDisposable
{
    private readonly TestDatabase database = TestDatabase.Create(DatabaseProvider.Sqlite);

    private CohortRun Run(string? months, params string[] command) => Cohort.RunRaw([.. command, "--connection", database.Connection],
        new Dictionary<string, string?>(SeededDemoCopies.Development) { ["Cohort__RetainApplicantsForMonths"] = months });

    [Fact]
    public async Task A_dry_run_lists_what_would_be_erased_and_erases_nothing()
    {
        await SeededDemoCopies.SeedAsync(database);

        var dry = Run("1", "purge", "--dry-run");
        var again = Run("1", "purge", "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Matches(@"Dry run: \d+ applicant\(s\) would be erased; nothing was changed\.", dry.Stdout);
        Assert.Equal(dry.Stdout, again.Stdout);
    }

    [Fact]
    public void Without_the_setting_it_refuses_and_names_it()
    {
        var run = Run(null, "purge");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cohort:RetainApplicantsForMonths is not set", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_setting_is_one_line_naming_it()
    {
        var run = Run("0", "purge", "--dry-run");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cohort:RetainApplicantsForMonths must be a number of months from 1 to 1200", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
