using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// A new applicant submits stage 1; the demo admin puts their application in a new review round, assigns it by hand
/// to the demo reviewer and opens the round; the reviewer opens their queue and reviews it blind, seeing neither the
/// applicant's name nor their address. Everything in the browser, at both window sizes, every page checked.
/// </summary>
public sealed class ReviewerJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_demo_reviewer_reviews_an_application_assigned_to_them_without_seeing_who_wrote_it(string viewport)
    {
        var size = Viewport.Named(viewport);
        var name = $"Blind Applicant {viewport}";
        var email = $"blind-{viewport}-{Guid.NewGuid():N}@example.org";
        await using (var applicant = await site.StartAsync(size))
        {
            await ApplicantSteps.SignUpFromHomeAsync(applicant, name, email);
            await ApplicantSteps.SubmitGeneralApplicationAsync(applicant, name);
            applicant.Finish();
        }

        var reviewer = DemoSite.Account(Roles.Reviewer);
        await using (var admin = await site.StartAsync(size))
        {
            await AdminSteps.SignInAsync(admin);
            await AdminSteps.OpenRoundForAsync(admin, $"Second read ({viewport})", name, reviewer.DisplayName);
            admin.Finish();
        }

        await using var journey = await site.StartAsync(size);
        await journey.SignInAsync(reviewer.Email, reviewer.Password);
        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }));
        await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Link, new() { Name = "Your review assignments" }));
        var toReview = journey.Page.Locator("#assignments tbody tr").Filter(new() { HasTextString = $"Second read ({viewport})" });
        await Expect(toReview).ToHaveCountAsync(1);
        await journey.CaptureAsync("20-review-queue");
        await journey.FollowAsync(toReview.GetByRole(AriaRole.Link));

        await Expect(journey.Main).ToContainTextAsync("I have spent two years probing language models");
        await Expect(journey.Main).Not.ToContainTextAsync(name);
        await Expect(journey.Main).Not.ToContainTextAsync(email);
        foreach (var criterion in await journey.Page.Locator("#review fieldset.criterion").AllAsync())
        {
            await criterion.GetByRole(AriaRole.Radio).Nth(3).CheckAsync();
        }

        await journey.Page.GetByRole(AriaRole.Group, new() { Name = "Overall recommendation" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await journey.Page.GetByLabel(new Regex("^Comment")).FillAsync("Clear motivation and a concrete record of probing work.");
        await journey.CaptureAsync("21-blind-review");
        await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Button, new() { Name = "Submit review" }));
        await Expect(journey.Main.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeVisibleAsync();
        journey.Finish();
    }
}
