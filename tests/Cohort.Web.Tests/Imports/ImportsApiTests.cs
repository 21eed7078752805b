using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Api;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Imports;

/// <summary>
/// POST /api/v1/imports/applicants with a people:write token: a dry run reports, an import writes and a second one
/// changes nothing; a file with problems is 422 ProblemDetails keyed by line and column, a malformed body 400 at JSON
/// paths, and neither writes anything.
/// </summary>
public abstract class ImportsApiTests(CohortApp app)
{
    private Task<int> ApplicationsAsync() => app.WithDbAsync(db => db.Applications.CountAsync());

    private async Task<HttpResponseMessage> PostAsync(string secret, object body) =>
        await ApiTokens.Client(app, secret).PostAsJsonAsync("/api/v1/imports/applicants", body);

    [Fact]
    public async Task A_dry_run_then_an_import_then_the_same_import_again()
    {
        var secret = await ApiTokens.CreateAsync(app, "importer", "people:write");
        var csv = SampleFiles.Without(SampleFiles.Read(SampleFiles.GoogleForms), line: 2, nextLine: 4);
        var before = await ApplicationsAsync();

        var dry = JsonDocument.Parse(await (await PostAsync(secret, new { csv, dryRun = true })).Content.ReadAsStringAsync()).RootElement;
        var afterDryRun = await ApplicationsAsync();
        using var first = await PostAsync(secret, new { csv, mapping = new Dictionary<string, string> { ["Your CV"] = "ignore" }, dryRun = false });
        var again = JsonDocument.Parse(await (await PostAsync(secret, new { csv })).Content.ReadAsStringAsync()).RootElement;

        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, dry.GetProperty("created").GetInt32());
        Assert.Equal(before, afterDryRun);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(before + 3, await ApplicationsAsync());
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal("unchanged", again.GetProperty("rows")[0].GetProperty("change").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "applicants.imported" && a.Actor == "token:importer")));
    }

    [Fact]
    public async Task A_file_with_problems_is_422_keyed_by_line_and_column_and_a_bad_body_400_at_its_path()
    {
        var secret = await ApiTokens.CreateAsync(app, "bad-importer", "people:write");
        var before = await ApplicationsAsync();

        using var duplicate = await PostAsync(secret, new { csv = SampleFiles.Read(SampleFiles.GoogleForms) });
        using var badBody = await PostAsync(secret, new { csv = "", dateOrder = "sideways" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["line 2, column \"Email Address\"", "line 9, column \"Email Address\""], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        var bodyErrors = JsonDocument.Parse(await badBody.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(bodyErrors.TryGetProperty("$.csv", out _));
        Assert.True(bodyErrors.TryGetProperty("$.dateOrder", out _));
        Assert.Equal(before, await ApplicationsAsync());
    }

    [Fact]
    public async Task A_token_without_people_write_gets_403()
    {
        var secret = await ApiTokens.CreateAsync(app, "reader-only", "applications:read");

        using var response = await PostAsync(secret, new { csv = "a" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class ImportsApiOnSqlite(SqliteApp app) : ImportsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportsApiOnPostgres(PostgresApp app) : ImportsApiTests(app), IClassFixture<PostgresApp>;
