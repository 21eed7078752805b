using Cohort.Core.Assessments;
using Cohort.Core.Match;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cohort.EndToEnd;

/// <summary>
/// The applicant's pages on a 390 px phone: none scrolls sideways, the offer comes before the list, each stream's
/// checkbox sits on its own stream's line, and the assessment's countdown stays in view while answering.
/// </summary>
public sealed class ApplicantPhoneLayoutTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const int Width = 390;
    private const int Height = 844;

    private static async Task AssertFitsTheWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window.");
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not shown.");

    [Fact]
    public async Task At_390_px_the_applicant_pages_fit_the_width_the_offer_comes_first_and_the_assessment_timer_stays_in_view()
    {
        var now = site.App.Clock.GetUtcNow().UtcDateTime;
        var stream = await site.App.WithDbAsync(db => db.Streams.SingleAsync(s => s.Slug == "control-coalition"));
        var applicant = await StreamsStageApplicants.NewAsync(site.App, "Phone Okafor", stream.Id);
        var (offer, followUp) = await site.App.WithDbAsync(async db =>
        {
            await HeldOffers.PutAsync(db, applicant.Application, OfferState.Pending);
            var followUp = await AssessmentStageAttempts.FollowUpAsync(db, now, stream.Slug);
            await AssessmentStageAttempts.AttemptAsync(db, followUp, applicant.Id, new Dictionary<ItemKind, string>(), now, handedIn: false);
            return (await db.Offers.Where(o => o.ApplicantId == applicant.Id).Select(o => o.Id).SingleAsync(), followUp);
        });
        await using var context = await site.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, applicant.Email, StreamsStageApplicants.Password);

        foreach (var path in new[] { "/portal", $"/portal/offers/{offer}?answer=accept", "/portal/ranking", "/portal/withdraw", "/apply/general", $"/streams/{stream.Slug}" })
        {
            await page.GotoAsync(path);
            await AssertFitsTheWidthAsync(page);
        }

        await page.GotoAsync("/portal");
        Assert.True((await BoxAsync(page.Locator("[data-offer]"))).Y < (await BoxAsync(page.Locator(".portal-item").First)).Y, "The offer comes before the applications.");
        foreach (var nextStep in await page.Locator("[data-next-step]").AllAsync())
        {
            var box = await BoxAsync(nextStep);
            Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"A next step runs out of the window: {await nextStep.TextContentAsync()}");
        }

        await page.GotoAsync("/streams/apply");
        await AssertFitsTheWidthAsync(page);
        foreach (var choice in await page.Locator("#choose-streams label.choice").AllAsync())
        {
            var (box, name) = (await BoxAsync(choice.Locator("input[type=checkbox]")), await BoxAsync(choice.Locator("strong")));
            var middle = box.Y + box.Height / 2;
            Assert.True(middle >= name.Y && middle <= name.Y + name.Height && box.X < name.X, $"The checkbox of {await choice.Locator("strong").TextContentAsync()} is not on its line.");
        }

        await page.GotoAsync($"/assessments/{followUp.Slug}");
        await AssertFitsTheWidthAsync(page);
        await page.Locator("textarea").Last.FocusAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, document.scrollingElement.scrollHeight)");
        var timer = await BoxAsync(page.Locator("#remaining"));
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "The assessment page is too short to scroll.");
        Assert.True(timer.Y >= 0 && timer.Y + timer.Height <= Height, $"The timer scrolled out of view (top {timer.Y}).");
    }
}
