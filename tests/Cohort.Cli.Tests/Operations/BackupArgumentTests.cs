namespace Cohort.Cli.Tests.Operations;

/// <summary>Bad command lines and files that are no backup: one line, exit 2, and no database or file is made.</summary>
public sealed class BackupArgumentTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-backup-args-").FullName;

    private string Database => Path.Combine(folder, "cohort.db");

    private CohortRun Run(params string[] arguments) => Cohort.RunRaw([.. arguments, "--connection", $"Data Source={Database}"]);

    private void AssertRefused(CohortRun run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Database), "a refused command created the database");
    }

    [Theory]
    [InlineData("db backup", "Required argument 'FILE' missing")]
    [InlineData("db restore", "Required argument 'FILE' missing")]
    [InlineData("db restore one.backup two.backup", "Unrecognized command or argument 'two.backup'")]
    [InlineData("db backup out.backup --forse", "Unrecognized command or argument '--forse'")]
    public void A_bad_command_line_gets_one_line_and_exit_2(string command, string message) =>
        AssertRefused(Run(command.Split(' ')), message);

    [Fact]
    public void Restore_refuses_a_missing_file() =>
        AssertRefused(Run("db", "restore", Path.Combine(folder, "nothing-here.backup")), "nothing-here.backup does not exist.");

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("PGDM")]
    public void Restore_refuses_a_file_that_is_no_backup(string content)
    {
        var file = Path.Combine(folder, "not-a.backup");
        File.WriteAllText(file, content + new string('\0', content.Length == 0 ? 0 : 100));

        AssertRefused(Run("db", "restore", file), "is neither a SQLite database nor a pg_dump custom-format archive");
    }

    [Fact]
    public void Backup_refuses_a_database_that_does_not_exist_and_writes_no_file()
    {
        var file = Path.Combine(folder, "cohort.backup");

        AssertRefused(Run("db", "backup", file), "There is no database to back up");
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Backup_refuses_to_write_over_the_database_itself_even_with_force()
    {
        Assert.Equal(0, Run("db", "migrate").ExitCode);
        var run = Run("db", "backup", Database, "--force");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the database itself", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("The database is up to date.", Run("db", "migrate").Stdout.Trim());
    }

    [Fact]
    public void Backup_refuses_a_folder_that_does_not_exist() =>
        AssertRefused(Run("db", "backup", Path.Combine(folder, "missing", "cohort.backup")), "does not exist; create it first");

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
