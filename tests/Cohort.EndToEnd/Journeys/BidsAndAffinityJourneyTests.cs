using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// On the demo as it starts: the demo reviewer finds the round being prepared from the review home, bids eager on its
/// first application and declares a conflict with its second; the admin assigns the round from its page, which then
/// shows each pair's affinity, the sentences that brought it together and the weights in words, and never gives the
/// demo reviewer the application they declared a conflict with. At both window sizes, every page checked.
/// </summary>
public sealed class BidsAndAffinityJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_reviewer_bids_and_the_admin_assigns_the_round_and_reads_why_each_pair_was_chosen(string viewport)
    {
        var size = Viewport.Named(viewport);
        var reviewer = DemoSite.Account(Roles.Reviewer);
        string roundName, eagerOn, conflictWith;
        await using (var journey = await site.StartAsync(size))
        {
            await journey.SignInAsync(reviewer.Email, reviewer.Password);
            await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }));
            await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Link, new() { Name = "Bids", Exact = true }));
            var round = journey.Main.Locator("#rounds a").Filter(new() { HasTextRegex = new Regex(Regex.Escape(DemoActivity.InterviewReadSuffix) + "$") });
            roundName = (await round.InnerTextAsync()).Trim();
            await journey.FollowAsync(round);

            var entries = journey.Main.Locator("li.bid");
            (eagerOn, conflictWith) = (await entries.Nth(0).GetAttributeAsync("data-subject") ?? "", await entries.Nth(1).GetAttributeAsync("data-subject") ?? "");
            await Expect(entries.Nth(0).Locator("details.brief").First).ToBeVisibleAsync();
            await entries.Nth(0).GetByLabel("Eager", new() { Exact = true }).CheckAsync();
            await entries.Nth(1).GetByLabel("Conflict of interest", new() { Exact = true }).CheckAsync();
            await journey.CaptureAsync("30-bid-sheet");
            await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Button, new() { Name = "Save the bids on this page" }));

            await Expect(journey.Notice).ToBeVisibleAsync();
            await Expect(journey.Main.Locator($"li[data-subject='{eagerOn}'] input[value='Eager']")).ToBeCheckedAsync();
            await Expect(journey.Main.Locator($"li[data-subject='{conflictWith}'] input[value='Conflict']")).ToBeCheckedAsync();
            await Expect(journey.Main.Locator($"li[data-subject='{conflictWith}'] details.brief")).ToHaveCountAsync(0);
            journey.Finish();
        }

        // Jobs do not run in journeys (LiveCohortApp): embed the season's texts as the background job does long before
        // an admin assigns, so the assignment reads vectors instead of embedding them in the request.
        await using (var scope = (await site.AppAsync()).Services.CreateAsyncScope())
        {
            var units = await SeasonTexts.UnitsAsync(scope.ServiceProvider.GetRequiredService<CohortDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<EmbeddingCache>().GetOrComputeAsync(units);
        }

        await using var admin = await site.StartAsync(size);
        await AdminSteps.SignInAsync(admin);
        await admin.GoAsync("/admin/review/rounds");
        await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Link, new() { Name = roundName, Exact = true }));
        await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Assign reviewers" }));

        await Expect(admin.Notice).ToContainTextAsync("The solver assigned");
        await Expect(admin.Main.Locator("#affinity-weights")).ToContainTextAsync("how close in meaning");
        var pairs = admin.Main.Locator("#subjects li[data-assignment]");
        Assert.True(await pairs.CountAsync() > 0, "the round has assigned pairs");
        await Expect(admin.Main.Locator("#subjects ul.why li").First).ToBeVisibleAsync();
        await Expect(pairs.First).ToContainTextAsync(new Regex(@"affinity 0?\.\d+|affinity 1"));
        var conflicted = admin.Main.Locator($"#subjects tr[data-subject='{conflictWith}'] li[data-assignment]");
        Assert.True(await conflicted.CountAsync() > 0, "the application the reviewer declared a conflict with has other readers");
        await Expect(conflicted.Filter(new() { HasTextString = reviewer.DisplayName })).ToHaveCountAsync(0);
        await admin.CaptureAsync("31-round-why");
        admin.Finish();
    }
}
