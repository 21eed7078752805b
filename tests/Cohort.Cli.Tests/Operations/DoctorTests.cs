using System.Globalization;
using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests.Operations;

/// <summary>`cohort doctor` on each database: every check ok on a good configuration, and a problem with its fix otherwise.</summary>
public abstract class DoctorTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);
    private readonly ListeningSmtp smtp = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A configuration the web app would start with, mail going to the test's SMTP server.</summary>
    internal Dictionary<string, string?> Good(params (string Name, string? Value)[] changes)
    {
        var environment = DatabaseRuns.Environment(database, new Dictionary<string, string?>
        {
            ["Cohort__PublicBaseUrl"] = "https://apply.example.org",
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Security"] = "None",
        });
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }

        return environment;
    }

    internal static CohortRun Doctor(Dictionary<string, string?> environment) => Cohort.RunRaw(["doctor"], environment);

    /// <summary>The line of one check, which must be there exactly once.</summary>
    internal static string Line(CohortRun run, string check) =>
        Assert.Single(run.Stdout.Split('\n'), line => line.Length > 9 && line[9..].StartsWith($"{check}:", StringComparison.Ordinal));

    [Fact]
    public void On_a_good_configuration_every_check_is_ok_and_it_exits_0()
    {
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "migrate").ExitCode);

        var run = Doctor(Good());

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        foreach (var check in new[] { "settings", "database", "mail", "keys" })
        {
            Assert.StartsWith("ok ", Line(run, check), StringComparison.Ordinal);
        }

        Assert.Contains("No problems found.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_migrate_the_database_is_a_problem_whose_fix_is_cohort_db_migrate_and_nothing_is_created()
    {
        var run = Doctor(Good());

        Assert.Equal(1, run.ExitCode);
        var line = Line(run, "database");
        Assert.StartsWith("problem ", line, StringComparison.Ordinal);
        Assert.Contains("Fix: run `cohort db migrate`", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_without_a_host_is_a_warning_that_it_stays_in_the_outbox_not_a_problem()
    {
        Assert.Equal(0, DatabaseRuns.Run(database, "db", "migrate").ExitCode);

        var run = Doctor(Good(("Mail__SmtpHost", null)));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("warning  mail: not configured: mail stays in the outbox", Line(run, "mail"), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        smtp.Dispose();
        await database.DisposeAsync();
    }
}

public sealed class DoctorTestsOnSqlite() : DoctorTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public void An_unreachable_smtp_host_is_a_problem_with_its_fix_and_exit_1()
    {
        Assert.Equal(0, Cohort.RunRaw(["db", "migrate"], Good()).ExitCode);

        var run = Doctor(Good(("Mail__SmtpPort", ListeningSmtp.FreePort().ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(1, run.ExitCode);
        var line = Line(run, "mail");
        Assert.StartsWith("problem  mail: cannot use the SMTP server 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("Fix: check Mail__SmtpHost, Mail__SmtpPort", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Cohort:PublicBaseUrl must be the absolute http or https address")]
    [InlineData("apply.example.org", "Cohort:PublicBaseUrl must be the absolute http or https address")]
    [InlineData("https://apply.example.org/?x=1", "Cohort:PublicBaseUrl must be the absolute http or https address")]
    [InlineData("http://apply.example.org", "Cohort:PublicBaseUrl must be an https address outside Development")]
    public void A_bad_public_origin_is_a_settings_problem_with_its_fix_and_exit_1(string? origin, string message)
    {
        Assert.Equal(0, Cohort.RunRaw(["db", "migrate"], Good()).ExitCode);

        var run = Doctor(Good(("Cohort__PublicBaseUrl", origin)));

        Assert.Equal(1, run.ExitCode);
        var line = Line(run, "settings");
        Assert.StartsWith("problem  settings: " + message, line, StringComparison.Ordinal);
        Assert.Contains("Fix: set it in the environment", line, StringComparison.Ordinal);
        Assert.StartsWith("ok ", Line(run, "database"), StringComparison.Ordinal);
    }
}

public sealed class DoctorTestsOnPostgres() : DoctorTests(DatabaseProvider.Postgres)
{
    [Fact]
    public void An_unreachable_server_is_a_problem_with_its_fix_exit_1_and_never_shows_the_password()
    {
        var unreachable = $"Host=127.0.0.1;Port={ListeningSmtp.FreePort()};Username=cohort;Password=do-not-print-me;Database=cohort;Timeout=5";

        var run = Doctor(Good(("ConnectionStrings__Cohort", unreachable)));

        Assert.Equal(1, run.ExitCode);
        var line = Line(run, "database");
        Assert.StartsWith("problem  database: cannot reach the PostgreSQL database cohort on 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("Fix: check that PostgreSQL runs", line, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("warning  keys: not checked", Line(run, "keys"), StringComparison.Ordinal);
    }
}
