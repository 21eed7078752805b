namespace Cohort.Cli.Tests;

/// <summary>`cohort token create|list|revoke`: the secret printed once, the list without it, bad input exiting 2 with one line.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-token-").FullName;

    private static string Future => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private CohortRun Token(params string[] arguments) =>
        Cohort.RunRaw(["token", .. arguments, "--connection", $"Data Source={Path.Combine(folder, "cohort.db")}"]);

    [Fact]
    public void A_token_is_created_with_its_secret_shown_once_listed_without_it_and_revoked()
    {
        var created = Token("create", "--name", "nightly", "--scope", "match:read,catalogue:read", "--scope", "reviews:read", "--expires", Future);
        var secret = created.Stdout.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("coh_", StringComparison.Ordinal));
        var listed = Token("list");
        var revoked = Token("revoke", "nightly");
        var again = Token("revoke", "nightly");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("catalogue:read,reviews:read,match:read", created.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains($"nightly\t{secret[..12]}\tcatalogue:read,reviews:read,match:read\t{Future}\tnever\tactive", listed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal("cohort token: The token \"nightly\" was already revoked.", again.Stderr.Trim());
        Assert.EndsWith("\trevoked", Token("list").Stdout.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create --name n --scope catalogue:read --expires 01/02/2030", "is not a date written YYYY-MM-DD")]
    [InlineData("create --name n --scope everything --expires 2030-01-01", "Unknown scope \"everything\"")]
    [InlineData("create --name n --scope catalogue:read --expires 2020-01-01", "is not in the future")]
    [InlineData("create --name n/a --scope catalogue:read --expires 2030-01-01", "may hold only letters")]
    [InlineData("create --name n --expires 2030-01-01", "--scope")]
    [InlineData("revoke ghost", "There is no token named \"ghost\".")]
    public void Bad_input_exits_2_with_one_line(string arguments, string message)
    {
        var run = Token(arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    // Each run is a process of its own, so nothing in this one holds the database file open.
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
