using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Cohort.Core.Accounts;
using Cohort.Core.Analytics;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Analytics;

/// <summary>
/// Every analytics page on the demo, for this season and last: each chart's SVG is named by its title and described,
/// every number its shapes show is in its table, and its CSV holds the table's rows under the table's header.
/// </summary>
public sealed partial class AnalyticsPagesTests(SqliteActivityApp app) : IClassFixture<SqliteActivityApp>
{
    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex Number();

    private List<string> TopicKeys()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IAnalyticsTopic>().Select(t => t.Key).ToList();
    }

    [Fact]
    public async Task Each_chart_is_titled_and_described_and_its_shapes_and_csv_hold_its_tables_numbers()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var seasons = await app.WithDbAsync(db => db.Seasons.Select(s => s.Id).ToListAsync());
        var drawn = 0;
        foreach (var key in TopicKeys())
        {
            foreach (var season in seasons)
            {
                var page = await admin.GetAsync($"/admin/analytics/{key}?season={season}");
                Assert.Equal(200, page.Status);
                foreach (var figure in page.All("figure.chart-figure"))
                {
                    var where = $"{key}, season {season}, {figure.Id}";
                    var cells = figure.QuerySelectorAll("details table td").Select(td => td.TextContent.Trim()).ToHashSet();
                    if (figure.QuerySelector("svg") is { } svg)
                    {
                        drawn++;
                        AssertNamed(svg, figure, where);
                        foreach (var tip in svg.QuerySelectorAll("g title").Select(t => t.TextContent))
                        {
                            var shown = tip[(tip.LastIndexOf(": ", StringComparison.Ordinal) + 1)..];
                            foreach (System.Text.RegularExpressions.Match number in Number().Matches(shown))
                            {
                                Assert.True(cells.Contains(number.Value), $"{where}: the chart shows {number.Value} (“{tip}”), which its table does not hold");
                            }
                        }
                    }

                    await AssertCsvHoldsTableAsync(admin, figure, where);
                }
            }
        }

        Assert.True(drawn > 0, "The demo drew no chart at all.");
    }

    private static void AssertNamed(IElement svg, IElement figure, string where)
    {
        var (titleId, descId) = (svg.GetAttribute("aria-labelledby")!.Split(' ')[0], svg.GetAttribute("aria-labelledby")!.Split(' ')[1]);
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = svg.QuerySelector($"title[id='{titleId}']");
        var desc = svg.QuerySelector($"desc[id='{descId}']");
        Assert.True(title is not null && desc is not null, $"{where}: the SVG lacks its title or description");
        Assert.Equal(figure.QuerySelector("h3")!.TextContent.Trim(), title!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(desc!.TextContent), $"{where}: the description is empty");
    }

    private static async Task AssertCsvHoldsTableAsync(Browser admin, IElement figure, string where)
    {
        var href = figure.QuerySelector("a[download]")!.GetAttribute("href")!;
        var csv = await admin.Client.GetStringAsync(href);
        var lines = csv.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("# Cohort analytics:", lines[0], StringComparison.Ordinal);
        var header = figure.QuerySelectorAll("details table th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(string.Join(',', header.Select(Quote)), lines[1]);
        var rows = figure.QuerySelectorAll("details table tbody tr").ToList();
        Assert.True(rows.Count == lines.Count - 2, $"{where}: the table has {rows.Count} rows and the CSV {lines.Count - 2}");
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = string.Join(',', rows[i].QuerySelectorAll("td").Select(td => Quote(td.TextContent.Trim())));
            Assert.Equal(expected, lines[i + 2].TrimStart('\''));
        }
    }

    /// <summary>A cell as CSV writes it: quoted when it holds a comma or a quote.</summary>
    private static string Quote(string cell) => cell.Contains(',') || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    [Fact]
    public async Task An_unknown_topic_or_chart_is_not_found_and_an_unknown_season_falls_back_to_the_current_one()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var current = await app.WithDbAsync(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Name).SingleAsync());
        var key = TopicKeys()[0];

        Assert.Equal(404, (await admin.GetAsync("/admin/analytics/no-such-topic")).Status);
        Assert.Equal(404, (await admin.GetAsync($"/admin/analytics/{key}?handler=csv&chart=no-such-chart")).Status);
        var fallback = await admin.GetAsync($"/admin/analytics/{key}?season=999999&stream=abc");
        Assert.Equal(200, fallback.Status);
        Assert.Equal(current, fallback.One("#filter-season option[selected]")!.TextContent.Trim());
        Assert.Equal(200, (await admin.GetAsync("/admin/analytics")).Status);
        Assert.Equal("page", (await admin.GetAsync($"/admin/analytics/{key}")).One($"a[href^='/admin/analytics/{key}?']")!.GetAttribute("aria-current"));
    }
}
