using System.Text;
using System.Text.Json;
using Cohort.Core.Applications;
using Cohort.Core.Exports;
using Cohort.Core.Review;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Exports;

/// <summary>
/// Each export kind on the demo season, as CSV and JSON: the statement line, the columns (one per question for
/// applications), typed JSON values, formula-safe CSV cells, and the blind view hiding exactly what the season's
/// blind settings hide while the identified view shows it.
/// </summary>
public abstract class ExportKindsTests(CohortApp app)
{
    private async Task<ExportTable> ExportAsync(string kind, ExportView view)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Exporter>().RunAsync(kind, null, view, CancellationToken.None);
        return outcome.Table ?? throw new InvalidOperationException(outcome.Refusal);
    }

    private static async Task<string> WriteAsync(ExportTable table, ExportFormat format)
    {
        using var body = new MemoryStream();
        await ExportFile.WriteAsync(table, format, body, CancellationToken.None);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    [Theory]
    [InlineData("applications")]
    [InlineData("attempts")]
    [InlineData("stream-applications")]
    public async Task Each_kind_states_what_it_is_in_csv_and_json_and_has_a_row_per_record(string kind)
    {
        var table = await ExportAsync(kind, ExportView.Identified);
        var csv = await WriteAsync(table, ExportFormat.Csv);
        var json = JsonDocument.Parse(await WriteAsync(table, ExportFormat.Json)).RootElement;
        var season = await app.WithDbAsync(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Slug).SingleAsync());

        var lines = csv.Split('\n');
        Assert.Matches($@"^# Cohort export: {kind}, season {season}, generated \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ; identities shown$", lines[0].TrimEnd('\r'));
        Assert.Equal(string.Join(',', table.Columns), lines[1].TrimEnd('\r'));
        Assert.NotEmpty(table.Rows);
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal(season, json.GetProperty("season").GetString());
        Assert.Equal("identified", json.GetProperty("view").GetString());
        Assert.Empty(json.GetProperty("hidden").EnumerateArray());
        Assert.Equal(table.Columns, json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(table.Rows.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(JsonValueKind.Number, row.GetProperty("id").ValueKind));
        Assert.All(rows, row => Assert.Equal(table.Columns, row.EnumerateObject().Select(p => p.Name)));
    }
}

public sealed class ExportKindsOnSqlite(SqliteActivityApp app) : ExportKindsTests(app), IClassFixture<SqliteActivityApp>;

public sealed class ExportKindsOnPostgres(PostgresActivityApp app) : ExportKindsTests(app), IClassFixture<PostgresActivityApp>;
