using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// On the demo as it starts, a new applicant submits stage 1 and their portal then suggests the streams closest to their
/// research statement, quoting the sentences that matched and saying they are suggestions only; a suggestion leads to
/// the stream's public page. At both window sizes, every page checked. (The demo's own applicant account has not
/// applied, and submitting it would change the shared demo for the other journeys, so a new account walks it.)
/// </summary>
public sealed class StreamSuggestionsJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task After_stage_1_the_portal_suggests_streams_close_to_the_statement_and_links_them(string viewport)
    {
        var name = $"Suggested {viewport} {Guid.NewGuid().ToString("N")[..6]}";
        await using var applicant = await site.StartAsync(Viewport.Named(viewport));
        await ApplicantSteps.SignUpFromHomeAsync(applicant, name, $"suggestions-{viewport}-{Guid.NewGuid():N}@example.org");
        var suggestions = applicant.Main.GetByRole(AriaRole.Region, new() { Name = "Streams close to your research statement" });
        await Expect(suggestions).ToHaveCountAsync(0);

        await ApplicantSteps.SubmitGeneralApplicationAsync(applicant, name);

        await Expect(suggestions).ToBeVisibleAsync();
        await Expect(suggestions).ToContainTextAsync("These are suggestions only");
        var streams = suggestions.Locator("[data-suggested-stream]");
        Assert.InRange(await streams.CountAsync(), 1, 3);
        await Expect(streams.First.Locator("q.statement-sentence")).ToContainTextAsync("probing language models");
        await Expect(streams.First.Locator("q.stream-sentence")).Not.ToBeEmptyAsync();

        var first = streams.First.GetByRole(AriaRole.Link);
        var streamName = await first.InnerTextAsync();
        await applicant.FollowAsync(first);
        await Expect(applicant.Heading(streamName)).ToBeVisibleAsync();
        applicant.Finish();
    }
}
