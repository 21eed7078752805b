using System.Text.Json;
using Cohort.Tests.Shared;

namespace Cohort.Cli.Tests;

/// <summary>A database with the demo season and its activity for the export command's tests, and a folder for the files they write.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("cohort-export-").FullName;
    private TestDatabase? database;

    public async ValueTask InitializeAsync() => database = await SeededDemoCopies.NewAsync();

    public string Connection => (database ?? throw new InvalidOperationException("The demo has not been copied yet.")).Connection;

    public string PathFor(string name) => Path.Combine(folder, name);

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>`cohort export KIND`: the admin page's exports from the command line, `export catalogue` kept, bad input exiting 2 in one line.</summary>
public sealed class ExportCommandTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private CohortRun Export(params string[] arguments) => Cohort.RunRaw(["export", .. arguments, "--connection", demo.Connection]);

    [Fact]
    public void Applications_are_written_as_csv_to_standard_output_and_as_json_to_a_file_in_the_view_asked_for()
    {
        var file = demo.PathFor("applications.json");
        var csv = Export("applications");
        var json = Export("applications", "--season", "2027", "--format", "json", "--view", "blind", "-o", file);

        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Stdout.Split('\n');
        Assert.Matches(@"^# Cohort export: applications, season 2027, generated [0-9T:-]+Z; identities shown$", lines[0].TrimEnd('\r'));
        Assert.StartsWith("id,name,email,state,", lines[1], StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal("", json.Stdout);
        var document = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Equal("applications", document.GetProperty("kind").GetString());
        Assert.Equal("blind", document.GetProperty("view").GetString());
        Assert.NotEmpty(document.GetProperty("hidden").EnumerateArray());
        Assert.DoesNotContain("email", document.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEmpty(document.GetProperty("rows").EnumerateArray());
    }

    [Theory]
    [InlineData("attempts")]
    [InlineData("stream-applications")]
    public void Every_kind_is_exported(string kind)
    {
        var run = Export(kind, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(kind, run.Json.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("fellows")]
    [InlineData("milestones")]
    [InlineData("artifacts")]
    [InlineData("extensions")]
    public void The_programmes_kinds_are_exported_for_last_years_cohort(string kind)
    {
        var run = Export(kind, "--season", "2026", "--format", "json", "--view", "blind");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal((kind, "2026", "blind"), (run.Json.GetProperty("kind").GetString(), run.Json.GetProperty("season").GetString(), run.Json.GetProperty("view").GetString()));
        Assert.DoesNotContain("email", run.Json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        if (kind == "fellows")
        {
            Assert.NotEmpty(run.Json.GetProperty("rows").EnumerateArray());
        }
    }

    [Fact]
    public void The_catalogue_export_still_works()
    {
        var run = Export("catalogue");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Object, run.Json.ValueKind);
    }

    [Theory]
    [InlineData("nonsense", "Unknown export \"nonsense\": the exports are applications, ")]
    [InlineData("applications --view sideways", "Unknown view \"sideways\": use identified or blind.")]
    [InlineData("applications --format xml", "Unknown format \"xml\": use csv or json.")]
    [InlineData("applications --season 1999", "There is no season \"1999\".")]
    public void Bad_input_exits_2_with_one_line(string arguments, string message)
    {
        var run = Export(arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("cohort export: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Equal("", run.Stdout);
    }
}
