using Microsoft.Data.Sqlite;

namespace Cohort.Cli.Tests;

/// <summary>`cohort seed demo` adds accounts whose passwords are published: only in Development, like the web host's seed.</summary>
public sealed class SeedDemoTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-seed-").FullName;

    private string Database => Path.Combine(folder, "cohort.db");

    private CohortRun Seed(string? environment, params string[] options) => Cohort.RunRaw(["seed", "demo", "--connection", $"Data Source={Database}", .. options],
        new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = environment, ["ASPNETCORE_ENVIRONMENT"] = null });

    private long Accounts() => (long)Scalar("SELECT COUNT(*) FROM AspNetUsers")!;

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
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

    [Theory]
    [InlineData("15/01/2027")]
    [InlineData("2027-02-30")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void A_date_that_is_not_year_month_day_is_refused_in_one_line_with_exit_2_and_no_database_is_touched(string given)
    {
        var run = Seed("Development", "--at", given);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cohort seed demo: --at wants a date as YYYY-MM-DD, such as 2027-01-15; '{given}' is not one.", run.Stderr.Trim());
        Assert.False(File.Exists(Database), "the refused command created the database");
    }

    [Fact]
    public void At_a_pinned_date_the_demo_opens_stages_1_2_and_3_on_it_and_prints_both_mentors_and_both_applicants()
    {
        var run = Seed("Development", "--at", "2027-01-15");
        var openOnTheDay = Scalar("SELECT COUNT(*) FROM Stages WHERE OpensAt <= '2027-01-15 12:00:00' AND ClosesAt >= '2027-01-15 12:00:00'");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Seeded the demo season 2027, its dates counted from 2027-01-15.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(3L, openOnTheDay);
        foreach (var account in global::Cohort.Demo.DemoWelcome.Accounts(withActivity: true))
        {
            Assert.Contains($"{account.Email}", run.Stdout, StringComparison.Ordinal);
        }
    }

    // Each run is a process of its own, so nothing in this one holds the database file open.
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
