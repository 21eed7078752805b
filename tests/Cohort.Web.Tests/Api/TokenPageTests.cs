using System.Net;
using AngleSharp.Html.Dom;
using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Api;

/// <summary>
/// /admin/tokens: an admin creates a token and sees its secret once, the token works at once, bad input is refused
/// with nothing saved, and a revocation, confirmed, turns the token's next call into 401.
/// </summary>
public abstract class TokenPageTests(CohortApp app)
{
    private static string Future(CohortApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(10)).ToString("yyyy-MM-dd");

    private static async Task<Browser.Page> CreateAsync(Browser admin, string name, string expires, params string[] scopes)
    {
        var page = await admin.GetAsync("/admin/tokens");
        foreach (var scope in scopes)
        {
            ((IHtmlInputElement)page.One($"#create input[value='{scope}']")!).IsChecked = true;
        }

        return await admin.SubmitAsync(page, "#create", new Dictionary<string, string> { ["Name"] = name, ["Expires"] = expires });
    }

    [Fact]
    public async Task A_created_token_is_shown_once_works_and_stops_working_when_revoked()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var created = await CreateAsync(admin, "page-made", Future(app), "catalogue:read", "match:read");
        var secret = created.One("#secret")!.TextContent;
        var works = await ApiTokens.Client(app, secret).GetAsync("/api/v1/seasons");
        var listed = await admin.GetAsync("/admin/tokens");
        var confirm = await admin.SubmitAsync(listed, "tr[data-token='page-made'] form", new Dictionary<string, string>());
        var revoked = await admin.SubmitAsync(confirm, "#confirmed", new Dictionary<string, string>());
        var refused = await ApiTokens.Client(app, secret).GetAsync("/api/v1/seasons");

        Assert.Equal(200, created.Status);
        Assert.StartsWith("coh_", secret, StringComparison.Ordinal);
        Assert.Equal("", created.One("#create #Name")!.GetAttribute("value") ?? "");
        Assert.Empty(created.All("#create input[name=Scopes][checked]"));
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        var row = listed.One("tr[data-token='page-made']")!;
        Assert.Contains(secret[..12], row.TextContent, StringComparison.Ordinal);
        Assert.Contains("catalogue:read, match:read", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("active", row.QuerySelector(".state")!.TextContent);
        Assert.DoesNotContain(secret, listed.Text, StringComparison.Ordinal);
        Assert.Contains("401 from its next request", confirm.One("#confirm-what")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("revoked", revoked.One("tr[data-token='page-made'] .state")!.TextContent);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("no-scope", "", "Give at least one scope")]
    [InlineData("bad name", "catalogue:read", "may hold only letters")]
    [InlineData("past", "catalogue:read", "is not in the future", "2020-01-01")]
    public async Task Bad_input_is_refused_on_the_form_with_nothing_saved(string name, string scope, string problem, string? expires = null)
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await CreateAsync(admin, name, expires ?? Future(app), scope.Length == 0 ? [] : [scope]);

        Assert.Equal(200, page.Status);
        Assert.Contains(problem, page.One("#create")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.One("#secret"));
        Assert.False(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Name == name)));
    }

    [Fact]
    public async Task A_reviewer_is_refused_the_page()
    {
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var page = await reviewer.GetAsync("/admin/tokens");

        Assert.Equal("/account/access-denied", page.Response.Headers.Location?.AbsolutePath);
    }
}

public sealed class TokenPageOnSqlite(SqliteApp app) : TokenPageTests(app), IClassFixture<SqliteApp>;

public sealed class TokenPageOnPostgres(PostgresApp app) : TokenPageTests(app), IClassFixture<PostgresApp>;
