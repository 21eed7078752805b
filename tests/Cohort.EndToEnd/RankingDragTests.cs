using Cohort.Core.Accounts;
using Cohort.Core.Seeding;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>The ranking's drag-and-drop enhancement in chromium: dragging a row renumbers the ranks, and the plain post saves that order.</summary>
public sealed class RankingDragTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task Dragging_the_second_applicant_above_the_first_saves_them_first()
    {
        var stream = await site.App.WithDbAsync(db => db.Streams.SingleAsync(s => s.Slug == "control-coalition"));
        var upper = await StageThreeApplicants.NewAsync(site.App, "Dragtop Achterberg", stream.Id);
        var lower = await StageThreeApplicants.NewAsync(site.App, "Dragbottom Sørensen", stream.Id);
        var mentor = DemoSeason.Accounts.Single(a => a.Role == Roles.Mentor);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, mentor.Email, mentor.Password);
        await page.GotoAsync($"/mentor/streams/{stream.Slug}/ranking");
        var row = (StageThreeApplicant who) => page.Locator($"#stream-ranking tr[data-application='{who.Application}']");
        await row(upper).Locator("input[data-rank]").FillAsync("1");
        await row(lower).Locator("input[data-rank]").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the stream's ranking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        await row(lower).DragToAsync(row(upper), new() { TargetPosition = new() { X = 20, Y = 2 } });

        await Expect(row(lower).Locator("input[data-rank]")).ToHaveValueAsync("1");
        await Expect(row(upper).Locator("input[data-rank]")).ToHaveValueAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the stream's ranking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        var saved = await site.App.WithDbAsync(db => db.StreamRankingEntries.Where(e => e.StreamId == stream.Id).OrderBy(e => e.Position).Select(e => e.StreamApplicationId).ToListAsync());
        Assert.Equal([lower.Application, upper.Application], saved);
    }
}
