using Cohort.Core.Accounts;
using Cohort.Web.Tests.Authorization;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Admin;

/// <summary>
/// Every admin page is reachable from the admin menu, and no admin page, nor its own GET forms submitted as they
/// come, shows a banner: the pages are listed from the app's endpoints, so a page added unlinked fails here.
/// </summary>
public abstract class AdminNavigationTests(CohortApp app)
{
    /// <summary>The admin pages a GET reaches without route values ("/admin/faq", "/admin/faq/new"), read from the app's endpoints.</summary>
    private IReadOnlyList<string> PagesWithoutRouteValues => EndpointCase.Of(app.Services)
        .Where(c => c.Method == "GET" && c.Handler is null && c.Parameters.Count == 0 && (c.Route == "/admin" || c.Route.StartsWith("/admin/", StringComparison.Ordinal)))
        .Select(c => c.Route).Distinct().ToList();

    private static string PathOf(string href) => href.Split('?', '#')[0].TrimEnd('/') is { Length: > 0 } path ? path : "/";

    private static async Task<List<string>> MenuAsync(Browser admin) =>
        (await admin.GetAsync("/admin")).All("nav.admin-nav a[href]").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Every_admin_page_without_route_values_is_linked_from_the_menu_or_from_a_page_the_menu_links_to()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var menu = await MenuAsync(admin);
        var reachable = new HashSet<string>(menu.Select(PathOf), StringComparer.OrdinalIgnoreCase);
        foreach (var href in menu)
        {
            var page = await admin.OpenAsync(href);
            Assert.True(page.Status == 200, $"the menu's {href} answers {page.Status}");
            reachable.UnionWith(page.All("main a[href]").Select(a => PathOf(a.GetAttribute("href")!)));
        }

        var unlinked = PagesWithoutRouteValues.Where(route => !reachable.Contains(route)).ToList();
        Assert.True(unlinked.Count == 0, "Not linked from the admin menu nor from a page it links to: " + string.Join(", ", unlinked));
    }

    [Fact]
    public async Task The_menu_groups_pages_by_the_seasons_phases_and_marks_the_one_being_read()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync("/admin/streams/new");

        var groups = page.All("nav.admin-nav .admin-menu-name").Select(g => g.TextContent).ToList();
        Assert.Equal(["Overview", "Catalogue", "Applications", "Review", "Match", "Programme", "Analytics", "Tools"], groups);
        Assert.Equal("/admin/streams", page.One("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        Assert.Contains("Catalogue › Streams", page.One("nav.admin-nav summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_admin_page_nor_its_own_get_forms_submitted_with_their_defaults_shows_an_error_banner()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var pages = (await MenuAsync(admin)).Concat(PagesWithoutRouteValues).Distinct().ToList();
        var banners = new List<string>();
        foreach (var href in pages)
        {
            var page = await admin.OpenAsync(href);
            if (page.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            banners.AddRange(Banners(page).Select(b => $"{href}: {b}"));
            foreach (var form in page.All("main form[method=get]"))
            {
                var selector = form.Id is { Length: > 0 } id ? $"#{id}" : "main form[method=get]";
                var shown = await admin.SubmitAsync(page, selector, new Dictionary<string, string>());
                banners.AddRange(Banners(shown).Select(b => $"{href}, its form {selector} submitted as it came ({shown.Url}): {b}"));
            }
        }

        Assert.True(banners.Count == 0, string.Join('\n', banners));
    }

    [Fact]
    public async Task The_score_tables_own_show_button_with_every_field_empty_shows_the_table_without_a_problem()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var shown = await admin.GetAsync("/admin/scores/streams?stream=&top=&cutoff=&sort=&dir=");

        Assert.Equal(200, shown.Status);
        Assert.Empty(Banners(shown));
    }

    /// <summary>What a person would read as an error: an alert, the problems summary, or the words of a binding failure.</summary>
    private static IEnumerable<string> Banners(Browser.Page page) =>
        page.All("[role=alert], #problems-heading").Select(e => e.TextContent.Trim())
            .Concat(new[] { "not understood", "is invalid", "is not valid" }.Where(words => page.Text.Contains(words, StringComparison.OrdinalIgnoreCase)));
}

public sealed class AdminNavigationOnSqlite(SqliteApp app) : AdminNavigationTests(app), IClassFixture<SqliteApp>;

public sealed class AdminNavigationOnPostgres(PostgresApp app) : AdminNavigationTests(app), IClassFixture<PostgresApp>;
