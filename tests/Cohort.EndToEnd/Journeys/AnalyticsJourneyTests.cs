using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// The season at a glance, walked on the demo as it starts, at both window sizes: the admin finds the analytics in the
/// menu, goes through every topic (each page checked by axe and for sideways scrolling), opens a chart's numbers,
/// downloads them as CSV and finds the table's first row there, then looks at last season's arrivals and one stream's
/// funnel; the demo mentor finds their stream's numbers on their stream page, and the admin's analytics do not exist
/// for them.
/// </summary>
public sealed class AnalyticsJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_admin_walks_every_topic_downloads_a_charts_numbers_and_a_mentor_sees_only_their_streams(string viewport)
    {
        await using (var admin = await site.StartAsync(Viewport.Named(viewport)))
        {
            await AdminSteps.SignInAsync(admin);
            await admin.GoAsync("/admin");
            if (admin.OnPhone)
            {
                // On a phone the admin menu folds behind its summary.
                await admin.Page.Locator("details.admin-menu > summary").ClickAsync();
            }

            await admin.FollowAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "The season at a glance" }).First);
            await Expect(admin.Heading("Analytics")).ToBeVisibleAsync();

            var topics = admin.Main.GetByRole(AriaRole.Navigation, new() { Name = "Analytics topics" }).GetByRole(AriaRole.Link);
            var names = await topics.AllInnerTextsAsync();
            Assert.True(names.Count >= 7, $"The analytics list {names.Count} topics: {string.Join(", ", names)}");
            foreach (var name in names)
            {
                await admin.FollowAsync(topics.GetByText(name, new() { Exact = true }));
                await Expect(admin.Main.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 })).ToBeVisibleAsync();
                if (name == "Offers")
                {
                    // The current season has had no offers yet (the match is still to come): its charts say so instead.
                    await Expect(admin.Main.Locator("figure.chart-figure > p.muted").First).ToBeVisibleAsync();
                }
                else
                {
                    Assert.True(await admin.Main.Locator("svg.chart").CountAsync() > 0, $"“{name}” draws no chart on the demo");
                }
            }

            // The first chart of the funnel: its numbers under the disclosure, and the same first row in its CSV.
            await admin.FollowAsync(topics.First);
            var figure = admin.Main.Locator("figure.chart-figure").First;
            await figure.Locator("summary").ClickAsync();
            var firstRow = figure.Locator("tbody tr").First;
            await Expect(firstRow).ToBeVisibleAsync();
            var cells = await firstRow.Locator("td").AllInnerTextsAsync();
            var download = await admin.Page.RunAndWaitForDownloadAsync(() => figure.GetByRole(AriaRole.Link, new() { Name = "Download the numbers as CSV" }).ClickAsync());
            var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
            Assert.StartsWith("# Cohort analytics:", csv[0], StringComparison.Ordinal);
            Assert.All(cells, cell => Assert.Contains(cell.Trim(), csv[2], StringComparison.Ordinal));

            // Last season's arrivals, then one stream's funnel, through the filters.
            await admin.FollowAsync(topics.GetByText("Arrivals", new() { Exact = true }));
            // The filter lists the current season first, then last season.
            var season = admin.Main.GetByLabel("Season", new() { Exact = true });
            var lastSeason = await season.Locator("option").Nth(1).GetAttributeAsync("value");
            await season.SelectOptionAsync(lastSeason!);
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Show" }));
            await Expect(season).ToHaveValueAsync(lastSeason!);
            Assert.True(await admin.Main.Locator("svg.chart").CountAsync() > 0, "Last season's arrivals draw no chart");
            await admin.FollowAsync(topics.GetByText("Offers", new() { Exact = true }));
            Assert.True(await admin.Main.Locator("svg.chart").CountAsync() > 0, "Last season's offers draw no chart");
            admin.Finish();
        }

        await using (var mentor = await site.StartAsync(Viewport.Named(viewport)))
        {
            await mentor.SignInAsync(DemoSeason.CoalitionMentor.Email, DemoSeason.CoalitionMentor.Password);
            await mentor.GoAsync("/mentor");
            await mentor.FollowAsync(mentor.Main.Locator("ul.mentor-streams a").First);
            var numbers = mentor.Main.Locator("#stream-numbers");
            await Expect(numbers).ToBeVisibleAsync();
            Assert.True(await numbers.Locator("svg.chart").CountAsync() > 0, "The mentor's stream page draws no chart");
            var refused = await mentor.Page.APIRequest.GetAsync("/admin/analytics/streams");
            Assert.Equal(404, refused.Status);
            mentor.Finish();
        }
    }
}
