using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Web.Hosting;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// Visitors get the public pages from memory, and still see every edit on their next request: an admin's through the
/// pages, any save through this app, another process's through the stamp in the database, and a window that closes.
/// A change that bypasses every save (a bulk SQL update) is how these tests tell a cached page from a fresh one.
/// </summary>
public abstract class PublicPageCacheTests(CohortApp app)
{
    private Task<string> AnyStreamSlugAsync() => app.WithDbAsync(db => db.Streams.OrderBy(s => s.Slug).Select(s => s.Slug).FirstAsync());

    /// <summary>Changes a stream's tagline behind every save path, as a hand-written SQL update would: only a fresh rendering shows it.</summary>
    private Task BehindTheCacheAsync(string slug, string tagline) =>
        app.WithDbAsync(db => db.Streams.Where(s => s.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(x => x.Tagline, tagline)));

    private static async Task<string> TaglineAsync(Browser browser, string slug) => (await browser.GetAsync($"/streams/{slug}")).One(".lead")!.TextContent;

    [Fact]
    public async Task A_cached_public_page_shows_an_admins_edit_on_the_next_request()
    {
        var slug = await AnyStreamSlugAsync();
        using var visitor = app.NewBrowser();
        var before = await TaglineAsync(visitor, slug);
        await BehindTheCacheAsync(slug, "Written behind the cache");
        Assert.Equal(before, await TaglineAsync(visitor, slug));

        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync($"/admin/streams/{slug}/edit");
        await admin.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Tagline"] = "Edited by an admin a moment ago" });

        Assert.Contains("Edited by an admin a moment ago", await TaglineAsync(visitor, slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_is_cached_and_follows_any_save_of_the_key_dates()
    {
        using var visitor = app.NewBrowser();
        var first = await visitor.Client.GetStringAsync("/dates.ics");
        var date = await app.WithDbAsync(db => db.KeyDates.OrderBy(d => d.At).FirstAsync());
        await app.WithDbAsync(db => db.KeyDates.Where(d => d.Id == date.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.Title, "Renamed behind the cache")));
        Assert.Equal(first, await visitor.Client.GetStringAsync("/dates.ics"));

        await app.WithDbAsync(async db =>
        {
            (await db.KeyDates.SingleAsync(d => d.Id == date.Id)).Title = "Renamed and saved";
            return await db.SaveChangesAsync();
        });

        var calendar = await visitor.Client.GetStringAsync("/dates.ics");
        Assert.Contains("SUMMARY:Renamed and saved", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_saved_by_another_process_reaches_the_cached_page_through_the_stamp()
    {
        var slug = await AnyStreamSlugAsync();
        using var visitor = app.NewBrowser();
        await TaglineAsync(visitor, slug);

        // A context of its own, as the CLI's import or a second instance has: this app hears of its save only from the database.
        var options = new DbContextOptionsBuilder<CohortDbContext>();
        DatabaseRegistration.Configure(options, app.Provider, app.Database.Connection);
        await using (var elsewhere = new CohortDbContext(options.Options))
        {
            (await elsewhere.Streams.SingleAsync(s => s.Slug == slug)).Tagline = "Saved by another process";
            await elsewhere.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow + (PublicContentWatcher.Every * 5);
        string shown;
        while (!(shown = await TaglineAsync(visitor, slug)).Contains("Saved by another process", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Saved by another process", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_page_changes_when_the_application_window_closes()
    {
        var slug = await AnyStreamSlugAsync();
        var form = await app.WithDbAsync(db => db.ApplicationForms.SingleAsync(f => f.Kind == FormKind.General));
        using var visitor = app.NewBrowser();
        Assert.Equal("sign-up", (await visitor.GetAsync($"/streams/{slug}")).One("#apply-cta")!.GetAttribute("data-cta"));

        var start = app.Clock.Now;
        app.Clock.Now = new DateTimeOffset(form.AcceptsUntil, TimeSpan.Zero).AddMinutes(1);
        try
        {
            Assert.Equal("closed", (await visitor.GetAsync($"/streams/{slug}")).One("#apply-cta")!.GetAttribute("data-cta"));
        }
        finally
        {
            app.Clock.Now = start;
        }
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_a_visitors_cached_page_nor_a_visitor_theirs()
    {
        var slug = await AnyStreamSlugAsync();
        var account = await app.NewAccountAsync(Roles.Applicant);
        using var visitor = app.NewBrowser();
        using var applicant = await app.AsAsync(account.Email, account.Password);

        foreach (var path in new[] { "/", "/streams", $"/streams/{slug}" })
        {
            var before = await visitor.GetAsync(path);
            var theirs = await applicant.GetAsync(path);
            var after = await visitor.GetAsync(path);

            Assert.NotNull(before.One("a[href='/account/sign-in']"));
            Assert.NotNull(theirs.One("a[href='/portal']"));
            Assert.Null(theirs.One("a[href='/account/sign-in']"));
            Assert.Equal("no-store", theirs.Response.Headers.CacheControl?.ToString());
            Assert.NotNull(after.One("a[href='/account/sign-in']"));
            Assert.Null(after.One("a[href='/portal']"));
        }
    }

    [Fact]
    public async Task Text_is_compressed_with_brotli_or_gzip_for_visitors_and_never_for_a_signed_in_page()
    {
        using var visitor = app.NewBrowser();
        using var applicant = await app.AsAsync(Roles.Applicant);
        foreach (var path in new[] { "/", "/streams", "/dates.ics", "/css/site.css", "/api/streams" })
        {
            Assert.Equal("br", await EncodingAsync(visitor, path, "gzip, deflate, br"));
            Assert.Equal("gzip", await EncodingAsync(visitor, path, "gzip"));
            Assert.Null(await EncodingAsync(visitor, path, null));
        }

        Assert.Null(await EncodingAsync(applicant, "/portal", "gzip, deflate, br"));
        Assert.Null(await EncodingAsync(applicant, "/streams", "gzip, deflate, br"));
    }

    private static async Task<string?> EncodingAsync(Browser browser, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await browser.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }
}

public sealed class PublicPageCacheOnSqlite(SqliteApp app) : PublicPageCacheTests(app), IClassFixture<SqliteApp>;

public sealed class PublicPageCacheOnPostgres(PostgresApp app) : PublicPageCacheTests(app), IClassFixture<PostgresApp>;
