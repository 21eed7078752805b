using Cohort.Core.Accounts;
using Cohort.Core.Catalogue;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Admin;

/// <summary>Admins edit the catalogue through the forms; every change is audited and bad input changes nothing.</summary>
public abstract class AdminTests(CohortApp app)
{
    private Task<ResearchStream> StreamAsync(string slug) =>
        app.WithDbAsync(db => db.Streams.AsNoTracking().Include(s => s.Mentors).SingleAsync(s => s.Slug == slug));

    private Task<string> AnyStreamSlugAsync(int skip = 0) =>
        app.WithDbAsync(db => db.Streams.OrderBy(s => s.Slug).Skip(skip).Select(s => s.Slug).FirstAsync());

    [Fact]
    public async Task An_edited_stream_shows_on_its_public_page_and_in_the_audit_log()
    {
        var slug = await AnyStreamSlugAsync(0);
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync($"/admin/streams/{slug}/edit");

        var saved = await admin.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Tagline"] = "A tagline an admin just wrote" });

        Assert.Contains("Saved", saved.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A tagline an admin just wrote", (await admin.GetAsync($"/streams/{slug}")).One(".lead")!.TextContent, StringComparison.Ordinal);
        var audit = await admin.GetAsync("/admin/audit?action=stream.updated");
        Assert.Contains($"stream:{slug}", audit.Text, StringComparison.Ordinal);
        Assert.Contains(DemoAdminEmail, audit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_opens_without_a_problem_and_pages_back_through_older_entries()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        await app.WithDbAsync(db =>
        {
            var audit = new Core.Audit.AuditLog(db, TimeProvider.System);
            for (var i = 0; i < Pages.Admin.AuditModel.PageSize + 1; i++)
            {
                audit.Record(Core.Audit.Actor.System, "test.paged", $"entry:{i}");
            }

            return db.SaveChangesAsync();
        });

        var first = await admin.GetAsync("/admin/audit?action=test.paged");
        var older = await admin.GetAsync(first.One("a[rel=next]")!.GetAttribute("href")!);

        Assert.Null(first.One("#problems-heading"));
        Assert.Contains("entry:50", first.Text, StringComparison.Ordinal);
        Assert.Null(older.One("#problems-heading"));
        Assert.Contains("entry:0", older.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("entry:50", older.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_match_is_one_click_from_every_admin_page()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        foreach (var page in new[] { "/admin", "/admin/streams", "/admin/audit" })
        {
            var link = (await admin.GetAsync(page)).All("a[href='/admin/match']");
            Assert.True(link.Count > 0, $"{page} does not link to the match");
        }

        Assert.Equal(200, (await admin.GetAsync("/admin/match")).Status);
    }

    private static string DemoAdminEmail => DemoSeason.Accounts.Single(a => a.Role == Roles.Admin).Email;

    [Fact]
    public async Task A_stale_edit_is_refused_and_keeps_the_newer_change()
    {
        var slug = await AnyStreamSlugAsync(1);
        using var first = await app.AsAsync(Roles.Admin);
        using var second = await app.AsAsync(Roles.Admin);
        var firstForm = await first.GetAsync($"/admin/streams/{slug}/edit");
        var secondForm = await second.GetAsync($"/admin/streams/{slug}/edit");

        await first.SubmitAsync(firstForm, "main form", new Dictionary<string, string> { ["Input.Topic"] = "First admin's topic" });
        var refused = await second.SubmitAsync(secondForm, "main form", new Dictionary<string, string> { ["Input.Topic"] = "Second admin's topic" });

        Assert.Contains("Someone else changed this", refused.Text, StringComparison.Ordinal);
        Assert.Equal("First admin's topic", (await StreamAsync(slug)).Topic);
    }

    [Fact]
    public async Task Invalid_stream_input_is_explained_next_to_the_fields_and_changes_nothing()
    {
        var slug = await AnyStreamSlugAsync(2);
        var other = await AnyStreamSlugAsync(3);
        var before = await StreamAsync(slug);
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync($"/admin/streams/{slug}/edit");

        var refused = await admin.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Slug"] = other,
            ["Input.Capacity"] = "-4",
            ["Input.Name"] = "",
        });

        Assert.Equal(200, refused.Status);
        Assert.NotNull(refused.One("#Input_Slug-problem"));
        Assert.NotNull(refused.One("#Input_Capacity-problem"));
        Assert.NotNull(refused.One("#Input_Name-problem"));
        var after = await StreamAsync(slug);
        Assert.Equal((before.Name, before.Capacity, before.Version), (after.Name, after.Capacity, after.Version));
    }

    [Fact]
    public async Task Raw_html_in_markdown_is_shown_as_text_never_run()
    {
        var slug = await AnyStreamSlugAsync(4);
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync($"/admin/streams/{slug}/edit");
        await admin.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.DescriptionMarkdown"] = "<script>alert('x')</script> <img src=x onerror=alert(1)> **bold words**",
        });

        var page = await admin.GetAsync($"/streams/{slug}");
        var about = page.One("section[aria-labelledby=about]")!;
        Assert.Empty(about.QuerySelectorAll("script, img"));
        Assert.Contains("<script>", about.TextContent, StringComparison.Ordinal);
        Assert.Equal("bold words", about.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task An_uploaded_catalogue_with_problems_lists_them_and_imports_nothing()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync("/admin/import");
        var token = page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await app.WithDbAsync(db => db.Streams.CountAsync());
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("{\"season\": {\"slug\": \"Not A Slug\"}, \"streams\": [{\"slug\": \"x\", \"track\": \"nowhere\", \"mentors\": [\"ghost\"]}]}"), "Upload", "catalogue.json" },
        };

        var result = await Browser.ReadAsync(await admin.Client.PostAsync("/admin/import", upload), "/admin/import");

        var problems = result.All(".import-problems li").Select(li => li.TextContent).ToList();
        Assert.True(problems.Count > 0, $"{result.Status}: {result.Text}");
        Assert.Contains(problems, p => p.StartsWith("$.season.slug", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.streams[0].track", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.streams[0].mentors[0]", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Streams.CountAsync()));
    }

    [Fact]
    public async Task The_export_downloads_the_catalogue_as_json_and_csv()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var streams = await app.WithDbAsync(db => db.Streams.CountAsync());

        var json = await admin.Client.GetStringAsync("/admin/export?format=json");
        var csv = await admin.Client.GetStringAsync("/admin/export?format=csv");

        Assert.Equal(streams, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("streams").GetArrayLength());
        Assert.Equal(streams, Core.Catalogue.Transfer.CatalogueCsv.ReadStreams(csv).Rows!.Streams.Count);
    }
}

public sealed class AdminOnSqlite(SqliteApp app) : AdminTests(app), IClassFixture<SqliteApp>;

public sealed class AdminOnPostgres(PostgresApp app) : AdminTests(app), IClassFixture<PostgresApp>;
