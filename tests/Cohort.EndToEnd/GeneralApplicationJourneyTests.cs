using Cohort.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// Stage 1 in a real browser: a new applicant's draft is autosaved as they type and survives a reload, the CV
/// uploads, and the submitted application shows in the portal with its confirmation mail.
/// </summary>
public sealed class GeneralApplicationJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task An_applicant_drafts_reloads_uploads_a_cv_and_submits_the_general_application()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"journey-{Guid.NewGuid():N}@example.net";
        await SiteAccounts.SignUpAndConfirmAsync(site.App, page, "Jun Applicant", email, "a journey passphrase");

        await page.GetByRole(AriaRole.Link, new() { Name = "General application" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Jun Applicant");
        await page.GetByLabel("Where will you be based during the programme?").FillAsync("Seoul");
        await page.GetByLabel("Where will you be based during the programme?").BlurAsync();
        await Expect(page.Locator("[data-saved-at]")).ToContainTextAsync("Saved at");
        // Leaving the second field may queue a save behind the first; let it land before reloading.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Jun Applicant");
        await Expect(page.GetByLabel("Where will you be based during the programme?")).ToHaveValueAsync("Seoul");

        await page.GetByLabel("Date of birth").FillAsync("1997-03-08");
        await page.GetByLabel("Student", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Interpretability", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why do you want to do AI safety research, and why now?").FillAsync("Because the questions are urgent and testable.");
        await page.GetByLabel("A link to work you are proud of (a repository, paper or post)").FillAsync("https://example.org/probe");
        await page.GetByLabel("Your CV").SetInputFilesAsync(new FilePayload
        {
            Name = "jun-cv.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n% Jun's CV\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal$"));
        var row = page.Locator("[data-application=general]");
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("Submitted");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mail we sent you" })).ToContainTextAsync("We received your application");

        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder(), "portal.png"), FullPage = true });
    }
}
