using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// The programme after the match, walked on the demo as it starts by its three accounts, at both window sizes: the admin
/// adds a research plan milestone for last year's cohort, the demo fellow hands it in, their mentor signs it off as at
/// risk, the admin's board shows it among the fellows at risk; the fellow records a paper with an arXiv id, the mentor
/// confirms it and it appears on the public showcase and in its feed; the fellow applies to the open extension call,
/// the mentor endorses them and the admin accepts. Each viewport walks on an app of its own, since the journey changes
/// the demo for good.
/// </summary>
public sealed class ProgrammeJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_fellow_hands_in_is_signed_off_at_risk_publishes_a_confirmed_paper_and_is_extended(string viewport)
    {
        var app = $"programme-{viewport}";
        var planTitle = "Research plan for the second paper";
        var paperTitle = $"Probing refusal directions under fine-tuning ({viewport})";
        // The demo fellow is one of last year's fellows given the demo address: their name is that fellow's.
        var fellowName = await (await site.AppAsync(app)).WithDbAsync(db =>
            db.Users.Where(u => u.Email == DemoSeason.Fellow.Email).Select(u => u.DisplayName).SingleAsync());

        await using (var admin = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await AdminSteps.SignInAsync(admin);
            await admin.GoAsync("/admin/milestones");
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Link, new() { Name = "New milestone" }));
            var page = admin.Page;
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(planTitle);
            await page.GetByLabel("Description", new() { Exact = true }).FillAsync("One page: the question, the first experiment, and what would change your mind.");
            var due = admin.App.Clock.GetUtcNow().UtcDateTime.AddDays(7);
            await page.GetByLabel("Due date and time").FillAsync(due.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await page.GetByLabel("What the fellow hands in").SelectOptionAsync(new SelectOptionValue { Label = "a text" });
            await page.GetByLabel("A mentor signs it off with an assessment").CheckAsync();
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }));
            await Expect(admin.Main.Locator("#milestones")).ToContainTextAsync(planTitle);
            admin.Finish();
        }

        // 1. The fellow hands in the research plan from their portal.
        await using (var fellow = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await fellow.SignInAsync(DemoSeason.Fellow.Email, DemoSeason.Fellow.Password);
            await fellow.GoAsync("/portal");
            await fellow.FollowAsync(fellow.Main.GetByRole(AriaRole.Link, new() { Name = "Your fellowship" }).First);
            await Expect(fellow.Heading("Your fellowship")).ToBeVisibleAsync();
            var plan = Milestone(fellow, planTitle);
            await plan.GetByLabel($"Your text for {planTitle}").FillAsync("We ask whether refusal directions survive benign fine-tuning, starting with a 1B model and three data mixes.");
            await fellow.FollowAsync(plan.GetByRole(AriaRole.Button, new() { Name = $"Hand in for {planTitle}" }));
            await Expect(Milestone(fellow, planTitle).Locator("[data-submission]")).ToContainTextAsync("refusal directions survive");
            fellow.Finish();
        }

        // 2. The mentor finds the fellow on their board and signs the plan off as at risk.
        await using (var mentor = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await mentor.SignInAsync(DemoSeason.CoalitionMentor.Email, DemoSeason.CoalitionMentor.Password);
            await mentor.GoAsync("/mentor/board");
            await mentor.FollowAsync(mentor.Main.Locator("#board").GetByRole(AriaRole.Link, new() { Name = fellowName }));
            var plan = Milestone(mentor, planTitle);
            await plan.GetByLabel("At risk").CheckAsync();
            await plan.GetByLabel("Comment for the fellow").FillAsync("The question is good; three data mixes in two weeks is too many. Start with one.");
            await mentor.FollowAsync(plan.GetByRole(AriaRole.Button, new() { Name = $"Sign off {planTitle}" }));
            await Expect(Milestone(mentor, planTitle).Locator("[data-sign-off]")).ToContainTextAsync(new Regex("at risk", RegexOptions.IgnoreCase));
            mentor.Finish();
        }

        // 3. The admin's board lists the fellow among those at risk, after only those off track.
        await using (var admin = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await AdminSteps.SignInAsync(admin);
            await admin.GoAsync("/admin/fellows/board");
            var rows = admin.Main.Locator("#board tbody tr");
            var fellowRow = rows.Filter(new() { HasTextString = fellowName });
            await Expect(fellowRow.Locator("[data-latest]")).ToHaveTextAsync(new Regex("^at risk$", RegexOptions.IgnoreCase));
            var latest = await rows.Locator("[data-latest]").AllInnerTextsAsync();
            var names = await rows.Locator("th[scope=row] a").AllInnerTextsAsync();
            var position = names.ToList().FindIndex(n => n == fellowName);
            Assert.All(latest.Take(position), state => Assert.Contains(state.Trim(), new[] { "off track", "at risk" }));
            admin.Finish();
        }

        // 4. The fellow records a paper with an arXiv id, to be shown once confirmed.
        await using (var fellow = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await fellow.SignInAsync(DemoSeason.Fellow.Email, DemoSeason.Fellow.Password);
            await fellow.GoAsync("/portal/artifacts/new");
            var page = fellow.Page;
            await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Paper" });
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(paperTitle);
            await page.GetByLabel("Abstract", new() { Exact = true }).FillAsync("Benign fine-tuning rotates the refusal direction rather than erasing it; a linear probe recovers it after 2,000 steps.");
            await page.GetByLabel("arXiv identifier").FillAsync("arXiv:2611.04321v2");
            await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Submitted" });
            await page.GetByLabel("Show it on the public showcase once a mentor confirms it").CheckAsync();
            await fellow.FollowAsync(fellow.Main.GetByRole(AriaRole.Button, new() { Name = "Save the artifact" }));
            await Expect(fellow.Main).ToContainTextAsync(paperTitle);
            fellow.Finish();
        }

        // 5. The mentor confirms it.
        await using (var mentor = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await mentor.SignInAsync(DemoSeason.CoalitionMentor.Email, DemoSeason.CoalitionMentor.Password);
            await mentor.GoAsync("/mentor/artifacts");
            var card = mentor.Main.Locator("#awaiting > li").Filter(new() { HasTextString = paperTitle });
            await mentor.FollowAsync(card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirm") }));
            await Expect(mentor.Main.Locator("#others > li").Filter(new() { HasTextString = paperTitle })).ToBeVisibleAsync();
            mentor.Finish();
        }

        // 6. Anyone reads it on the showcase, with its citation tags, and in the Atom feed.
        await using (var visitor = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await visitor.GoAsync("/showcase");
            await visitor.FollowAsync(visitor.Main.GetByRole(AriaRole.Link, new() { Name = paperTitle }));
            await Expect(visitor.Heading(paperTitle)).ToBeVisibleAsync();
            await Expect(visitor.Page.Locator("meta[name=citation_title]")).ToHaveAttributeAsync("content", paperTitle);
            await Expect(visitor.Page.Locator("meta[name=citation_arxiv_id]")).ToHaveAttributeAsync("content", "2611.04321");
            var feed = await visitor.Page.APIRequest.GetAsync("/showcase/feed");
            Assert.Equal(200, feed.Status);
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var titles = XDocument.Parse(await feed.TextAsync()).Root!.Elements(atom + "entry").Select(e => (string?)e.Element(atom + "title"));
            Assert.Contains(paperTitle, titles);
            visitor.Finish();
        }

        // 7. The fellow applies to the open extension call, the mentor endorses them, and the admin accepts.
        await using (var fellow = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await fellow.SignInAsync(DemoSeason.Fellow.Email, DemoSeason.Fellow.Password);
            await fellow.GoAsync("/portal");
            await fellow.FollowAsync(fellow.Main.GetByRole(AriaRole.Link, new() { NameString = DemoExtensions.OpenRound }).First);
            await Expect(fellow.Heading(DemoExtensions.OpenRound)).ToBeVisibleAsync();
            var page = fellow.Page;
            await page.GetByLabel(new Regex("^Amount you ask for")).FillAsync("6000");
            await page.GetByLabel("What would you finish in the extension?").FillAsync("The refusal-direction paper's second half: the larger model and the released probe.");
            await page.GetByLabel("What would the budget pay for?").FillAsync("Compute for the larger model's fine-tuning runs.");
            await fellow.FollowAsync(fellow.Main.GetByRole(AriaRole.Button, new() { Name = "Submit application" }));
            await Expect(fellow.Main.Locator("[data-state]")).ToHaveTextAsync("Submitted");
            fellow.Finish();
        }

        await using (var mentor = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await mentor.SignInAsync(DemoSeason.CoalitionMentor.Email, DemoSeason.CoalitionMentor.Password);
            await mentor.GoAsync("/mentor/extensions");
            var row = mentor.Main.Locator("#extension-applications tbody tr").Filter(new() { HasTextString = fellowName })
                .Filter(new() { HasTextString = DemoExtensions.OpenRound });
            await mentor.FollowAsync(row.GetByRole(AriaRole.Link, new() { Name = fellowName }));
            await mentor.Page.GetByLabel("5: strongly endorsed").CheckAsync();
            await mentor.Page.GetByLabel("Comment", new() { Exact = true }).FillAsync("The first paper is confirmed on the showcase; the second half needs the larger model.");
            await mentor.FollowAsync(mentor.Main.GetByRole(AriaRole.Button, new() { Name = "Save endorsement" }));
            await Expect(mentor.Notice).ToBeVisibleAsync();
            mentor.Finish();
        }

        await using (var admin = await site.StartAsync(Viewport.Named(viewport), app))
        {
            await AdminSteps.SignInAsync(admin);
            await admin.GoAsync("/admin/extensions");
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Link, new() { Name = DemoExtensions.OpenRound }));
            var row = admin.Main.Locator("#decide tbody tr").Filter(new() { HasTextString = fellowName });
            await Expect(row).ToContainTextAsync("5 of 5");
            await row.GetByRole(AriaRole.Checkbox).CheckAsync();
            await admin.FollowAsync(admin.Main.Locator("#decide").GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }));
            await Expect(admin.Main.Locator("#decide tbody tr").Filter(new() { HasTextString = fellowName })).ToContainTextAsync("Accepted");
            admin.Finish();
        }
    }

    private static ILocator Milestone(Journey journey, string title) =>
        journey.Main.Locator("li.milestone").Filter(new() { Has = journey.Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });
}
