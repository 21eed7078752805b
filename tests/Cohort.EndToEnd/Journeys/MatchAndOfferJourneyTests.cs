using System.Globalization;
using System.Text.RegularExpressions;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// The end of the demo's story, on a demo of its own per window size since it happens once: the admin runs the match
/// and publishes it after confirming; the demo's stage 3 applicant accepts their offer after confirming and reads a
/// portal that says they are a fellow and offers nothing that no longer applies; the stream's mentor pitches a
/// project, the fellow ranks it, the mentor ranks the fellow, runs and publishes the assignment, and the fellow reads
/// their project.
/// </summary>
public sealed class MatchAndOfferJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_admin_publishes_the_match_the_stage_3_applicant_accepts_and_is_assigned_a_project(string viewport)
    {
        var size = Viewport.Named(viewport);
        var app = $"match-{viewport}";
        await using (var admin = await site.StartAsync(size, app))
        {
            await AdminSteps.SignInAsync(admin);
            await admin.GoAsync("/admin/match");
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Run the match" }));
            await Expect(admin.Page.Locator("#certificate")).ToContainTextAsync("Stable");
            var respondBy = admin.App.Clock.GetUtcNow().UtcDateTime.AddDays(7);
            await admin.Page.GetByLabel(new Regex("^Applicants answer by")).FillAsync(respondBy.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
            await admin.CaptureAsync("40-match");
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish") }));
            await admin.CaptureAsync("41-publish-confirmation");
            await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes, publish") }));
            await Expect(admin.Notice).ToContainTextAsync("is published");
            admin.Finish();
        }

        var fellow = DemoSite.StreamsStageApplicant;
        var stream = (await (await site.AppAsync(app)).StreamsFromApiAsync()).First(s => s.Coalition);
        await using (var applicant = await site.StartAsync(size, app))
        {
            await SignInToPortalAsync(applicant, fellow);
            await applicant.CaptureAsync("42-offer", onPhone: true);
            await applicant.FollowAsync(applicant.Main.Locator("a, button").Filter(new() { HasTextRegex = new Regex($"^Accept {Regex.Escape(stream.Name)}") }).First);
            await applicant.CaptureAsync("43-accept-confirmation");
            await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Button, new() { Name = $"Yes, accept {stream.Name}" }));
            await Expect(applicant.Notice).ToContainTextAsync("You accepted");
            await Expect(applicant.Main.GetByText("Submitted – watch your mail")).ToHaveCountAsync(0);
            await Expect(applicant.Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Apply to streams|Rank your streams)") })).ToHaveCountAsync(0);
            await applicant.CaptureAsync("44-fellow-portal", onPhone: true);
            applicant.Finish();
        }

        var project = $"Probe the planner ({viewport})";
        await using var mentor = await site.StartAsync(size, app);
        var mentorAccount = DemoSeason.CoalitionMentor;
        await mentor.SignInAsync(mentorAccount.Email, mentorAccount.Password);
        await mentor.GoAsync($"/mentor/streams/{stream.Slug}");
        await mentor.FollowAsync(mentor.Main.GetByRole(AriaRole.Link, new() { Name = "Projects and their assignment" }));
        await mentor.Page.GetByLabel("Title").FillAsync(project);
        await mentor.Page.GetByLabel("Description").FillAsync("Find where a planning model's probes stop predicting its plans.");
        await mentor.Page.GetByLabel("Capacity (how many fellows)").FillAsync("2");
        await mentor.FollowAsync(mentor.Main.GetByRole(AriaRole.Button, new() { Name = "Pitch the project" }));
        await Expect(mentor.Page.Locator("#projects")).ToContainTextAsync(project);

        await using (var applicant = await site.StartAsync(size, app))
        {
            await SignInToPortalAsync(applicant, fellow);
            await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("projects") }));
            var row = applicant.Page.Locator("#project-ranking tr").Filter(new() { HasTextString = project });
            await row.Locator("input[data-rank]").FillAsync("1");
            await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Button, new() { Name = "Save my ranking" }));
            applicant.Finish();
        }

        await mentor.FollowAsync(mentor.Page.Locator("#projects").GetByRole(AriaRole.Link, new() { Name = project }));
        await mentor.Page.Locator("#project-ranking tr").Filter(new() { HasTextString = fellow.DisplayName }).Locator("input[data-rank]").FillAsync("1");
        await mentor.FollowAsync(mentor.Main.GetByRole(AriaRole.Button, new() { Name = "Save the project's ranking" }));
        await mentor.GoAsync($"/mentor/streams/{stream.Slug}/projects/assignment");
        await mentor.FollowAsync(mentor.Main.GetByRole(AriaRole.Button, new() { Name = "Run the assignment" }));
        await Expect(mentor.Page.Locator("#certificate")).ToContainTextAsync("Stable");
        await mentor.FollowAsync(mentor.Main.GetByRole(AriaRole.Button, new() { Name = "Publish: tell every fellow their project" }));
        await Expect(mentor.Notice).ToContainTextAsync("Published");
        mentor.Finish();

        await using var reader = await site.StartAsync(size, app);
        await SignInToPortalAsync(reader, fellow);
        await reader.FollowAsync(reader.Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("projects") }));
        await Expect(reader.Page.Locator("#my-project")).ToContainTextAsync(project);
        await reader.CaptureAsync("45-assigned-project", onPhone: true);
        reader.Finish();
    }

    /// <summary>Signing in lands on the home page; the fellow goes on to their portal from the menu, as a person would.</summary>
    private static async Task SignInToPortalAsync(Journey journey, DemoAccount fellow)
    {
        await journey.SignInAsync(fellow.Email, fellow.Password);
        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Your applications", Exact = true }));
        await journey.ExpectAtAsync("/portal$");
    }
}
