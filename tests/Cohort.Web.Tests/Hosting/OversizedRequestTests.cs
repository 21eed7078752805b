using System.Net.Http.Headers;
using System.Text;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// A body over the request limit: a person who posted a form gets a page in the site's layout that says what was too
/// large and links back to the form; an API client keeps its ProblemDetails.
/// </summary>
public abstract class OversizedRequestTests(CohortApp app)
{
    // Above Cohort:MaxUploadRequestBytes (16 MB): refused on its Content-Length, before anything reads it.
    private const int HugeBytes = 17 * 1024 * 1024;

    private static HttpRequestMessage HugeUpload(string path, string? referer)
    {
        var file = new ByteArrayContent(new byte[HugeBytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new MultipartFormDataContent { { file, "q.cv", "huge-cv.pdf" } } };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return request;
    }

    [Fact]
    public async Task A_form_post_over_the_limit_gets_an_html_page_saying_the_files_limit_with_a_link_back_to_the_form()
    {
        using var browser = await app.SignUpAndConfirmAsync($"huge-{Guid.NewGuid():N}@example.net");

        using var response = await browser.Client.SendAsync(HugeUpload("/apply/general?handler=Save", "https://localhost/apply/general"));
        var page = await Browser.ReadAsync(response, "/apply/general");

        Assert.Equal(413, page.Status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("That file is too large: the limit is 5 MB. Nothing was saved; choose a smaller file and send the form again.", page.One("#status-message")!.TextContent);
        Assert.Equal("/apply/general", page.One("#back-to-form")!.GetAttribute("href"));
        Assert.NotNull(page.One("header.site-header"));
    }

    [Fact]
    public async Task Without_a_referer_from_this_site_the_way_back_is_the_page_the_form_posted_to()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.Client.SendAsync(HugeUpload("/apply/general?handler=Save", "https://elsewhere.example/apply/general"));
        var page = await Browser.ReadAsync(response, "/apply/general");

        Assert.Equal(413, page.Status);
        Assert.Equal("/apply/general", page.One("#back-to-form")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_api_request_over_the_limit_gets_problem_details_not_a_page()
    {
        using var browser = app.NewBrowser();
        using var body = new StringContent($"{{\"text\":\"{new string('x', 2 * 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");

        using var response = await browser.Client.PostAsync("/api/review/assignments", body);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"title\":\"The request is too large\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_upload_stores_nothing()
    {
        var email = $"huge-{Guid.NewGuid():N}@example.net";
        using var browser = await app.SignUpAndConfirmAsync(email);

        using var response = await browser.Client.SendAsync(HugeUpload("/apply/general?handler=Save", null));

        Assert.Equal(413, (int)response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.OwnerId == db.Users.Single(u => u.Email == email).Id)));
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.ApplicantId == db.Users.Single(u => u.Email == email).Id)));
    }
}

public sealed class OversizedRequestsOnSqlite(SqliteApp app) : OversizedRequestTests(app), IClassFixture<SqliteApp>;

public sealed class OversizedRequestsOnPostgres(PostgresApp app) : OversizedRequestTests(app), IClassFixture<PostgresApp>;
