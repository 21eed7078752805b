using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// The artifact pages of the demo as it starts, at both window sizes, every page checked (<see cref="PageChecks"/>:
/// axe, no sideways scroll): a visitor filters the showcase and opens an artifact; the demo fellow reads their
/// artifacts and the form to record one; the demo mentor and the admin read what awaits confirmation.
/// </summary>
public sealed class ShowcaseJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_visitor_filters_the_showcase_and_the_fellow_mentor_and_admin_read_their_artifact_pages(string viewport)
    {
        await using (var visitor = await site.StartAsync(Viewport.Named(viewport)))
        {
            await visitor.GoAsync("/showcase");
            await Expect(visitor.Heading("Showcase")).ToBeVisibleAsync();
            await visitor.Page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "paper" });
            await visitor.FollowAsync(visitor.Main.GetByRole(AriaRole.Button, new() { Name = "Filter" }));
            var first = visitor.Main.Locator("#artifacts h2 a").First;
            var title = await first.TextContentAsync();
            await visitor.FollowAsync(first);
            await Expect(visitor.Heading(title!)).ToBeVisibleAsync();
            visitor.Finish();
        }

        await using var fellow = await site.StartAsync(Viewport.Named(viewport));
        await fellow.SignInAsync(DemoSeason.Fellow.Email, DemoSeason.Fellow.Password);
        await fellow.GoAsync("/portal/artifacts");
        await Expect(fellow.Heading("Your artifacts")).ToBeVisibleAsync();
        await fellow.FollowAsync(fellow.Main.GetByRole(AriaRole.Link, new() { Name = "Record an artifact" }));
        await Expect(fellow.Heading("Record an artifact")).ToBeVisibleAsync();
        await fellow.GoAsync("/portal/artifacts");
        await fellow.FollowAsync(fellow.Main.GetByRole(AriaRole.Link, new() { Name = "Edit" }).First);
        fellow.Finish();

        await using var mentor = await site.StartAsync(Viewport.Named(viewport));
        await mentor.SignInAsync(DemoSeason.CoalitionMentor.Email, DemoSeason.CoalitionMentor.Password);
        await mentor.GoAsync("/mentor/artifacts");
        await Expect(mentor.Main.Locator("#awaiting [data-artifact]").First).ToBeVisibleAsync();
        mentor.Finish();

        await using var admin = await site.StartAsync(Viewport.Named(viewport));
        await AdminSteps.SignInAsync(admin);
        await admin.GoAsync("/admin/artifacts");
        await Expect(admin.Heading("Artifacts of " + (await admin.App.WithDbAsync(db => Task.FromResult(db.Seasons.Where(s => !s.IsCurrent).Select(s => s.Name).First()))))).ToBeVisibleAsync();
        admin.Finish();
    }
}
