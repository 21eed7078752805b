using Cohort.Core.Data;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests;

/// <summary>
/// `cohort import applicants` and `cohort import reviewers` against a seeded demo database: bad arguments and bad files
/// exit 2 without a stack trace and write nothing; a dry run then an import, and the same import again, say what changed.
/// </summary>
public sealed class ImportPeopleTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-import-").FullName;

    private readonly TestDatabase database = TestDatabase.Create(DatabaseProvider.Sqlite);

    private CohortRun Run(params string[] command) => Cohort.RunRaw([.. command, "--connection", database.Connection], SeededDemoCopies.Development);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_file_with_a_duplicate_exits_2_naming_its_lines_then_without_it_imports_once()
    {
        await SeededDemoCopies.SeedAsync(database);
        var fixedFile = Write("responses.csv", SampleFiles.Without(SampleFiles.Read(SampleFiles.GoogleForms), line: 2, nextLine: 4));

        var refused = Run("import", "applicants", SampleFiles.PathOf(SampleFiles.GoogleForms));
        var dry = Run("import", "applicants", fixedFile, "--dry-run");
        var imported = Run("import", "applicants", fixedFile);
        var again = Run("import", "applicants", fixedFile);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("nothing was imported", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 2, column \"Email Address\": amara.okafor@example.org is also on line 9", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Dry run of responses.csv, nothing written: it would give 3 created", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("column \"Your CV\" -> ignore (guessed from the header)", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Imported responses.csv: 3 created (3 new account(s)), 0 updated, 0 unchanged", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 created (0 new account(s)), 0 updated, 3 unchanged", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_airtable_sample_imports_with_its_mapping_file_and_map_options()
    {
        await SeededDemoCopies.SeedAsync(database);
        var file = Write("airtable.csv", SampleFiles.Without(SampleFiles.Read(SampleFiles.Airtable), line: 9, nextLine: 10));
        var mapping = Write("mapping.txt", "# Airtable's extra columns\nRecord ID=ignore\nReviewer notes=ignore\nBased in=question:location\n");

        var run = Run("import", "applicants", file, "--mapping", mapping, "--map", "Current role=question:current-role",
            "--map", "Research areas=question:interests", "--map", "Portfolio link=question:best-work");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 created", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--map", "no equals sign", "is not \"Header=target\"")]
    [InlineData("--map", "Email=phone", "is not \"Header=target\"")]
    [InlineData("--mapping", "/no/such/mapping.txt", "no mapping file at")]
    public void Bad_arguments_exit_2_with_one_line(string option, string value, string message)
    {
        var run = Run("import", "applicants", SampleFiles.PathOf(SampleFiles.GoogleForms), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_missing_file_and_a_bad_reviewer_file_exit_2_and_write_nothing()
    {
        await SeededDemoCopies.SeedAsync(database);

        var missing = Run("import", "reviewers", Path.Combine(folder, "nowhere.csv"));
        var bad = Run("import", "reviewers", Write("pool.csv", "email,maxLoad\nnobody@example.org,many\n"), "--dry-run");

        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Stderr.Trim().Split('\n'));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("line 2, column \"maxLoad\"", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 2, column \"email\"", bad.Stderr, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
