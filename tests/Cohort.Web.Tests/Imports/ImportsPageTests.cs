using System.Net.Http.Headers;
using System.Text;
using Cohort.Core.Accounts;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Imports;

/// <summary>
/// /admin/imports through HTTP: an upload leads to the mapping page with the dry run (guessed targets, counts, rows,
/// every problem by line and column); changing the mapping and checking again, then importing, writes the applicants;
/// a refused file and an 80 MB one write nothing.
/// </summary>
public abstract class ImportsPageTests(CohortApp app)
{
    private Task<string> CountsAsync() => app.WithDbAsync(async db =>
        $"users {await db.Users.CountAsync()}, applications {await db.Applications.CountAsync()}, answers {await db.Set<Core.Applications.Answer>().CountAsync()}, " +
        $"profiles {await db.ReviewerProfiles.CountAsync()}");

    private static async Task<Browser.Page> UploadAsync(Browser admin, string handler, string fileName, byte[] content)
    {
        var page = await admin.GetAsync("/admin/imports");
        var token = page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await Browser.ReadAsync(await admin.Client.PostAsync($"/admin/imports?handler={handler}", upload), "/admin/imports");
    }

    private static string SelectedTarget(Browser.Page page, string header) =>
        page.All("#mapping select").Single(s => s.GetAttribute("data-header") == header).QuerySelector("option[selected]")?.GetAttribute("value") ?? "";

    private static Dictionary<string, string> Targets(Browser.Page page, IReadOnlyDictionary<string, string> changes) =>
        page.All("#mapping select[data-header]").Where(s => changes.ContainsKey(s.GetAttribute("data-header")!))
            .ToDictionary(s => s.GetAttribute("name")!, s => changes[s.GetAttribute("data-header")!]);

    [Fact]
    public async Task An_upload_previews_the_mapping_and_dry_run_and_the_confirmed_import_writes_the_applicants()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var text = SampleFiles.Read(SampleFiles.GoogleForms);
        var before = await CountsAsync();

        var refused = await UploadAsync(admin, "Preview", "responses.csv", Encoding.UTF8.GetBytes(text));
        var countsAfterRefusal = await CountsAsync();
        var preview = await UploadAsync(admin, "Preview", "responses.csv", Encoding.UTF8.GetBytes(SampleFiles.Without(text, line: 2, nextLine: 4)));
        preview.One("#mapping")!.SetAttribute("action", "/admin/imports?handler=Import");
        var imported = await admin.SubmitAsync(preview, "#mapping", new Dictionary<string, string>());

        Assert.Equal(["line 2, column \"Email Address\"", "line 9, column \"Email Address\""],
            refused.All(".import-problems li strong").Select(s => s.TextContent));
        Assert.Null(refused.One("#confirm-import"));
        Assert.Equal(before, countsAfterRefusal);
        Assert.Equal("question:full-name", SelectedTarget(preview, "Full name"));
        Assert.Equal("submittedAt", SelectedTarget(preview, "Timestamp"));
        Assert.Equal("ignore", SelectedTarget(preview, "Your CV"));
        Assert.Contains("3 created (3 new account(s))", preview.One("#dry-run-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, preview.All("#preview-rows tbody tr").Count);
        Assert.Contains("Imported responses.csv: 3 created", imported.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "priya.raman@example.com")));
    }

    [Fact]
    public async Task Mapping_the_columns_on_the_page_and_checking_again_clears_the_problems()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var text = SampleFiles.Without(SampleFiles.Read(SampleFiles.Airtable), line: 9, nextLine: 10);

        var unmapped = await UploadAsync(admin, "Preview", "airtable.csv", Encoding.UTF8.GetBytes(text));
        var mapped = await admin.SubmitAsync(unmapped, "#mapping", Targets(unmapped, new Dictionary<string, string>
        {
            ["Record ID"] = "ignore", ["Reviewer notes"] = "ignore", ["Based in"] = "question:location",
            ["Current role"] = "question:current-role", ["Research areas"] = "question:interests", ["Portfolio link"] = "question:best-work",
        }));

        Assert.Contains(unmapped.All(".import-problems li strong"), s => s.TextContent == "column \"Record ID\"");
        Assert.Empty(mapped.All(".import-problems li"));
        Assert.Contains("3 created", mapped.One("#dry-run-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("question:location", SelectedTarget(mapped, "Based in"));
        Assert.NotNull(mapped.One("#confirm-import"));
    }

    [Fact]
    public async Task An_80_mb_file_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync("/admin/imports");
        var before = await CountsAsync();
        var file = new ByteArrayContent(new byte[80 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/imports?handler=Preview")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { file, "Upload", "huge.csv" },
            },
        };
        request.Headers.Accept.ParseAdd("text/html");

        var refused = await Browser.ReadAsync(await admin.Client.SendAsync(request), "/admin/imports");

        Assert.Equal(413, refused.Status);
        Assert.Equal("That file is too large to import: the limit is 16 MB. Nothing was imported; split the file and import each part.",
            refused.One("#status-message")!.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_reviewer_file_is_previewed_then_imported()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var reviewer = await app.WithDbAsync(db => db.Users.Where(u => u.EmailConfirmed && !db.ReviewerProfiles.Any(p => p.UserId == u.Id)).Select(u => u.Email).FirstAsync());
        var csv = $"email,organisation,expertise\n{reviewer},Page Lab,evaluations\n";

        var preview = await UploadAsync(admin, "Reviewers", "pool.csv", Encoding.UTF8.GetBytes(csv));
        var countsAfterPreview = await CountsAsync();
        var imported = await admin.SubmitAsync(preview, "#reviewers-preview form", new Dictionary<string, string>());

        Assert.Contains("1 added to the pool", preview.One("#reviewers-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Imported pool.csv: 1 added to the pool", imported.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(countsAfterPreview, await CountsAsync());
    }
}

public sealed class ImportsPageOnSqlite(SqliteApp app) : ImportsPageTests(app), IClassFixture<SqliteApp>;

public sealed class ImportsPageOnPostgres(PostgresApp app) : ImportsPageTests(app), IClassFixture<PostgresApp>;
