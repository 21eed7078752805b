using System.Text.RegularExpressions;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Journeys;

/// <summary>
/// A new account walks the three stages on the demo as it starts, with no date edited: it applies to stage 1; the
/// demo admin advances it; it takes the assessments; the admin advances it again; it applies to two streams and
/// ranks them. Everything in the browser, at both window sizes, every page checked.
/// </summary>
public sealed class ApplicantJourneyThroughStagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_new_applicant_is_advanced_through_stages_1_to_3_and_ranks_their_streams(string viewport)
    {
        var size = Viewport.Named(viewport);
        var name = $"Stagewalker {viewport} {Guid.NewGuid().ToString("N")[..6]}";
        var email = $"stages-{viewport}-{Guid.NewGuid():N}@example.org";
        await using var applicant = await site.StartAsync(size);
        await ApplicantSteps.SignUpFromHomeAsync(applicant, name, email);
        await applicant.CaptureAsync("06-portal-new", onPhone: true);
        await ApplicantSteps.SubmitGeneralApplicationAsync(applicant, name);
        await applicant.CaptureAsync("08-portal-submitted");

        await AdvanceAsync(size, "general", name);

        await applicant.GoAsync("/portal");
        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Link, new() { Name = "Assessments", Exact = true }).First);
        await applicant.CaptureAsync("10-assessments");
        var assessments = applicant.Main.Locator("h2 a");
        var count = await assessments.CountAsync();
        Assert.True(count > 0, "The assessments page lists no assessment.");
        for (var i = 0; i < count; i++)
        {
            await applicant.FollowAsync(assessments.Nth(i));
            await TakeAssessmentAsync(applicant, first: i == 0);
            await applicant.GoAsync("/assessments");
        }

        await AdvanceAsync(size, "assessments", name);

        await applicant.GoAsync("/portal");
        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Apply to streams") }));
        var choices = applicant.Main.GetByRole(AriaRole.Group, new() { Name = "Choose the streams you want to apply to" }).GetByRole(AriaRole.Checkbox);
        await choices.Nth(0).CheckAsync();
        await choices.Nth(1).CheckAsync();
        await applicant.CaptureAsync("12-stream-chooser", onPhone: true);
        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Button, new() { Name = "Save my choice" }));
        await AnswerEveryQuestionAsync(applicant.Page);
        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Button, new() { Name = "Save answers" }));
        var submits = applicant.Main.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Submit to ") });
        while (await submits.CountAsync() > 0)
        {
            await applicant.FollowAsync(submits.First);
            await Expect(applicant.Notice).ToContainTextAsync("Your stream application was submitted.");
        }

        await applicant.GoAsync("/portal");
        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Link, new() { Name = "Rank your streams" }));
        var ranks = applicant.Page.Locator("input[data-rank]");
        for (var i = 0; i < await ranks.CountAsync(); i++)
        {
            await ranks.Nth(i).FillAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await applicant.CaptureAsync("13-rank-streams", onPhone: true);
        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Button, new() { Name = "Save my ranking" }));
        await Expect(applicant.Notice).ToBeVisibleAsync();
        applicant.Finish();
    }

    /// <summary>The demo admin, in a browser of their own, ticks the applicant on the stage's pipeline and advances them.</summary>
    private async Task AdvanceAsync(Viewport size, string stage, string name)
    {
        await using var admin = await site.StartAsync(size);
        await AdminSteps.SignInAsync(admin);
        await admin.GoAsync($"/admin/pipeline/{stage}");
        await admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {name}", Exact = true }).CheckAsync();
        await admin.CaptureAsync(stage == "general" ? "09-admin-advances" : "11-admin-advances-again");
        await admin.FollowAsync(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Advance", Exact = true }));
        await Expect(admin.Notice).ToContainTextAsync("1 application advanced");
        admin.Finish();
    }

    /// <summary>Starts the assessment open in the page, answers every item by its kind, and hands it in.</summary>
    private static async Task TakeAssessmentAsync(Journey applicant, bool first)
    {
        var start = applicant.Main.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true });
        if (await start.CountAsync() > 0)
        {
            await applicant.FollowAsync(start);
        }

        await AnswerEveryQuestionAsync(applicant.Page);
        if (first)
        {
            await applicant.CaptureAsync("10-assessment-timer", onPhone: true);
        }

        await applicant.FollowAsync(applicant.Main.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true }));
        await Expect(applicant.Notice).ToContainTextAsync("Handed in");
    }

    /// <summary>Answers every enabled question on the page: the first choice of each group, a place per ranked option, words or a number or a link.</summary>
    private static async Task AnswerEveryQuestionAsync(IPage page)
    {
        var main = page.GetByRole(AriaRole.Main);
        // A question already answered and frozen sits in a disabled fieldset, whose fields are :disabled.
        foreach (var question in await main.Locator(".question").AllAsync())
        {
            var radios = question.Locator("input[type=radio]:enabled");
            if (await radios.CountAsync() > 0)
            {
                await radios.First.CheckAsync();
            }

            var boxes = question.Locator("input[type=checkbox]:enabled");
            if (await boxes.CountAsync() > 0)
            {
                await boxes.First.CheckAsync();
            }

            var selects = question.Locator("select:enabled");
            for (var i = 0; i < await selects.CountAsync(); i++)
            {
                await selects.Nth(i).SelectOptionAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var field in await question.Locator("textarea:enabled, input[type=text]:enabled, input[type=url]:enabled").AllAsync())
            {
                var kind = await field.GetAttributeAsync("type");
                var value = kind == "url" ? "https://example.org/my-notebook"
                    : await field.GetAttributeAsync("inputmode") == "decimal" ? "42"
                    : "A considered answer written during the journey, with a concrete example and what I would measure.";
                await field.FillAsync(value);
            }
        }
    }
}
