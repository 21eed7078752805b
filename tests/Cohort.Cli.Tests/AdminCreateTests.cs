namespace Cohort.Cli.Tests;

/// <summary>`cohort admin create` applies the web app's password rules and hands out the authenticator key.</summary>
public sealed class AdminCreateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-admin-").FullName;

    private CohortRun Create(string password) =>
        Cohort.RunRaw(["admin", "create", "--email", "ops@example.org", "--password", password, "--connection", $"Data Source={Path.Combine(folder, "cohort.db")}"]);

    [Fact]
    public void A_common_password_is_refused_with_exit_2()
    {
        var run = Create("password1234");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("too easy to guess", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_admin_gets_an_authenticator_key_and_its_otpauth_uri()
    {
        var run = Create("ledger violet harbour");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Authenticator key \(two-step sign-in\): [a-z2-7]{4}( [a-z2-7]{4})+", run.Stdout);
        Assert.Matches(@"otpauth://totp/Cohort:ops%40example\.org\?secret=[A-Z2-7]+&issuer=Cohort&digits=6", run.Stdout);
    }

    // Each run is a process of its own, so nothing in this one holds the database file open.
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
