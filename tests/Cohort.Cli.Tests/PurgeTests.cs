namespace Cohort.Cli.Tests;

/// <summary>`cohort purge` applies Cohort:RetainApplicantsForMonths: a dry run lists and changes nothing; without the setting, or with a bad one, it says which.</summary>
public sealed class PurgeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-purge-").FullName;

    private CohortRun Run(string? months, params string[] command) => Cohort.RunRaw([.. command, "--connection", $"Data Source={Path.Combine(folder, "cohort.db")}"],
        new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Development", ["ASPNETCORE_ENVIRONMENT"] = null, ["Cohort__RetainApplicantsForMonths"] = months });

    [Fact]
    public void A_dry_run_lists_what_would_be_erased_and_erases_nothing()
    {
        Assert.Equal(0, Run(null, "seed", "demo").ExitCode);

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

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
