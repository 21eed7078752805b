using Cohort.Core.Accounts;
using Cohort.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>A stream's preferences page as the demo mentor sees it: its rows, their rank inputs, and the save.</summary>
public sealed class MentorPreferencesPage(IPage page)
{
    public IPage Page => page;

    public static async Task<MentorPreferencesPage> OpenAsync(IBrowserContext context, string streamSlug)
    {
        var mentor = DemoSeason.Accounts.Single(a => a.Role == Roles.Mentor);
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, mentor.Email, mentor.Password);
        await page.GotoAsync($"/mentor/streams/{streamSlug}/ranking");
        return new MentorPreferencesPage(page);
    }

    public ILocator Row(StreamsStageApplicant applicant) => page.Locator($"#stream-ranking tr[data-application='{applicant.Application}']");

    public ILocator Rank(StreamsStageApplicant applicant) => Row(applicant).Locator("input[data-rank]");

    /// <summary>Saves the stream's preferences and waits for the notice that says it was saved.</summary>
    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the stream's ranking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }
}
