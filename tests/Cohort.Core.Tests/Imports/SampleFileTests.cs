using Cohort.Core.Imports;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;

namespace Cohort.Core.Tests.Imports;

/// <summary>
/// The sample exports in docs/samples import into the demo season: each is refused first for its duplicate address,
/// naming both lines, with nothing written; without the duplicate (and, for Airtable, with its columns mapped) it imports.
/// </summary>
public abstract class SampleFileTests(CoreServicesFixture core)
{
    public static readonly Dictionary<string, string> AirtableMapping = new()
    {
        ["Record ID"] = "ignore",
        ["Reviewer notes"] = "ignore",
        ["Based in"] = "question:location",
        ["Current role"] = "question:current-role",
        ["Research areas"] = "question:interests",
        ["Portfolio link"] = "question:best-work",
    };

    [Fact]
    public async Task The_google_forms_export_is_refused_for_its_duplicate_then_imports_without_it()
    {
        var text = SampleFiles.Read(SampleFiles.GoogleForms);
        var before = await ImportApplicantsTests.CountsAsync(core);

        var refused = await ImportApplicantsTests.RunAsync(core, text, mapping: new Dictionary<string, string>());
        var countsAfterRefusal = await ImportApplicantsTests.CountsAsync(core);
        var imported = await ImportApplicantsTests.RunAsync(core, SampleFiles.Without(text, line: 2, nextLine: 4), mapping: new Dictionary<string, string>());

        Assert.Equal(["line 2, column \"Email Address\"", "line 9, column \"Email Address\""], refused.Problems.Select(p => p.Where));
        Assert.Equal(before, countsAfterRefusal);
        Assert.True(imported.Written, string.Join("; ", imported.Problems));
        Assert.Equal(3, imported.Created);
        Assert.Contains(imported.Columns, c => c.Header == "Your CV" && c.Target == ImportTarget.Ignore && c.Guessed);
        Assert.Contains(imported.Notes, n => n.Contains("\"cv\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_airtable_export_needs_its_columns_mapped_and_its_duplicate_removed_then_imports()
    {
        var text = SampleFiles.Read(SampleFiles.Airtable);
        var before = await ImportApplicantsTests.CountsAsync(core);

        var unmapped = await ImportApplicantsTests.RunAsync(core, text, mapping: new Dictionary<string, string>());
        var duplicate = await ImportApplicantsTests.RunAsync(core, text, mapping: AirtableMapping);
        var countsAfterRefusals = await ImportApplicantsTests.CountsAsync(core);
        var imported = await ImportApplicantsTests.RunAsync(core, SampleFiles.Without(text, line: 9, nextLine: 10), mapping: AirtableMapping);

        Assert.Contains(unmapped.Problems, p => p.Where == "column \"Record ID\"");
        Assert.Equal(["line 2, column \"Email\"", "line 9, column \"Email\""], duplicate.Problems.Select(p => p.Where));
        Assert.Equal(before, countsAfterRefusals);
        Assert.True(imported.Written, string.Join("; ", imported.Problems));
        Assert.Equal(["Lucía Fernández", "Kwame Mensah", "Mei Chen"], imported.Rows.Select(r => r.Name));
        Assert.Equal(3, imported.Created);
    }
}

public sealed class SampleFilesOnSqlite(SqliteCore core) : SampleFileTests(core), IClassFixture<SqliteCore>;

public sealed class SampleFilesOnPostgres(PostgresCore core) : SampleFileTests(core), IClassFixture<PostgresCore>;
