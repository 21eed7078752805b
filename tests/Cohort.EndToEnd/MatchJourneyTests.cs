using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.Core.Match;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// Issue 6's journey in chromium: the coalition's mentor ranks two applicants for its one seat, the admin runs the
/// match and publishes it, the first-ranked applicant accepts in the portal, and the other reads why they were not placed.
/// </summary>
public sealed class MatchJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task A_mentor_ranks_the_admin_runs_and_publishes_and_the_applicant_accepts()
    {
        var stream = await site.App.WithDbAsync(db => db.Streams.SingleAsync(s => s.Slug == "control-coalition"));
        var first = await StreamsStageApplicants.NewAsync(site.App, "Matchfirst Okoro", stream.Id);
        var second = await StreamsStageApplicants.NewAsync(site.App, "Matchsecond Lindgren", stream.Id);
        await site.App.WithDbAsync(async db =>
        {
            foreach (var each in await db.Streams.ToListAsync())
            {
                each.Capacity = each.Id == stream.Id ? 1 : 0;
            }

            return await db.SaveChangesAsync();
        });

        await using (var context = await site.NewContextAsync())
        {
            var preferences = await MentorPreferencesPage.OpenAsync(context, stream.Slug);
            await preferences.Rank(second).FillAsync("2");
            await preferences.Rank(first).FillAsync("1");
            await preferences.SaveAsync();
        }

        var admin = DemoSeason.Accounts.Single(a => a.Role == Roles.Admin);
        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SiteAccounts.SignInAsync(page, admin.Email, admin.Password);
            await page.GotoAsync("/admin/match");
            await page.GetByRole(AriaRole.Button, new() { Name = "Run the match" }).ClickAsync();
            await Expect(page.Locator("#certificate")).ToContainTextAsync("Stable");
            var respondBy = site.App.Clock.GetUtcNow().UtcDateTime.AddDays(3);
            await page.GetByLabel("Applicants answer by (UTC)").FillAsync(respondBy.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish") }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes, publish") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");
        }

        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SiteAccounts.SignInAsync(page, first.Email, StreamsStageApplicants.Password);
            await page.GotoAsync("/portal");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Accept {stream.Name}…" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, accept {stream.Name}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You accepted");
        }

        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SiteAccounts.SignInAsync(page, second.Email, StreamsStageApplicants.Password);
            await page.GotoAsync("/portal");
            await Expect(page.Locator("#match-explanation")).ToContainTextAsync(stream.Name);
        }

        var offer = await site.App.WithDbAsync(db => db.Offers.SingleAsync());
        Assert.Equal((first.Id, stream.Id, OfferState.Accepted), (offer.ApplicantId, offer.StreamId, offer.State));
    }
}
