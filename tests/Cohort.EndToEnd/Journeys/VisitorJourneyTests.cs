using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// A visitor reads the public site of the demo as it starts, from the main menu, and creates an account, confirming
/// it with the link mailed to them. At both window sizes, every page checked (see <see cref="PageChecks"/>).
/// </summary>
public sealed class VisitorJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_visitor_reads_the_public_pages_and_signs_up_with_a_confirmed_address(string viewport)
    {
        await using var journey = await site.StartAsync(Viewport.Named(viewport));
        var season = await journey.App.CurrentSeasonAsync();
        Assert.NotNull(season);

        await journey.GoAsync("/");
        await Expect(journey.Heading(season.Name)).ToBeVisibleAsync();
        await journey.CaptureAsync("01-home", onPhone: true);

        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Programme", Exact = true }));
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "How to apply" })).ToBeVisibleAsync();

        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Streams", Exact = true }));
        await Expect(journey.Heading("Streams")).ToBeVisibleAsync();
        await journey.CaptureAsync("02-streams");
        var streams = await journey.App.StreamsFromApiAsync();
        var coalition = streams.First(s => s.Coalition);
        await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Link, new() { Name = coalition.Name, Exact = true }));
        await Expect(journey.Heading(coalition.Name)).ToBeVisibleAsync();
        await journey.CaptureAsync("03-stream", onPhone: true);

        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Key dates", Exact = true }));
        await Expect(journey.Heading("Key dates")).ToBeVisibleAsync();
        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Eligibility", Exact = true }));
        await Expect(journey.Heading("Who can apply")).ToBeVisibleAsync();
        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "FAQ", Exact = true }));
        await Expect(journey.Heading("Frequently asked questions")).ToBeVisibleAsync();

        var email = $"visitor-{viewport}-{Guid.NewGuid():N}@example.org";
        const string password = "a visitor's long passphrase";
        await journey.FollowAsync(journey.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Create account", Exact = true }));
        await journey.SignUpAsync("Vera Visitor", email, password);
        await Expect(journey.Heading("Your applications")).ToBeVisibleAsync();
        journey.Finish();
    }
}
