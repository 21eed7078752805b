using System.Globalization;
using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>What the demo admin does in the browser for other people's journeys to go on.</summary>
public static partial class AdminSteps
{
    public static async Task SignInAsync(Journey journey)
    {
        var admin = DemoSite.Account(Roles.Admin);
        await journey.SignInAsync(admin.Email, admin.Password);
        await journey.FollowAsync(journey.Menu.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }));
    }

    /// <summary>
    /// Creates a stage 1 review round scored with the demo rubric, assigns <paramref name="applicant"/>'s application to
    /// <paramref name="reviewer"/> by hand, and opens the round. The round lists every stage 1 application, so until
    /// the rest have reviewers its page says they need one: expected here, since only one is read in this round.
    /// </summary>
    public static async Task OpenRoundForAsync(Journey journey, string round, string applicant, string reviewer)
    {
        await journey.GoAsync("/admin/review/rounds");
        var page = journey.Page;
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(round);
        await page.GetByLabel("Rubric").SelectOptionAsync(new SelectOptionValue { Label = "General application" });
        await page.GetByLabel("Reviews per application").FillAsync("1");
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create round" }), "#needs-reviewers");
        await Expect(journey.Notice).ToContainTextAsync("Created the round");

        var label = await page.Locator("#subjects th[scope=row]").Filter(new() { HasTextString = applicant }).InnerTextAsync();
        var subject = int.Parse(SubjectNumber().Match(label).Groups[1].Value, CultureInfo.InvariantCulture);
        await page.Locator("#add").GetByLabel("Application number").FillAsync(subject.ToString(CultureInfo.InvariantCulture));
        var option = await page.Locator("#reviewerId option").Filter(new() { HasTextString = reviewer }).First.InnerTextAsync();
        await page.GetByLabel("Reviewer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option.Trim() });
        await journey.FollowAsync(page.Locator("#add").GetByRole(AriaRole.Button, new() { Name = "Assign" }), "#needs-reviewers");
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Open the round" }), "#needs-reviewers");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Open");
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex SubjectNumber();
}
