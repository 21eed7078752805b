using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>Signing up and signing in through the site's own forms, as the journeys begin.</summary>
public static class SiteAccounts
{
    /// <summary>
    /// Creates an applicant account on the sign-up page (the one already open, or a fresh one), confirms the address
    /// with the link the app mailed to the outbox, and signs in; the new applicant lands on their portal.
    /// </summary>
    public static async Task SignUpAndConfirmAsync(LiveCohortApp app, IPage page, string name, string email, string password)
    {
        if (!page.Url.EndsWith("/account/sign-up", StringComparison.Ordinal))
        {
            await page.GotoAsync("/account/sign-up");
        }

        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/check-your-mail$"));

        await page.GotoAsync(await Mailbox.LatestLinkAsync(app, email, "/account/confirm-email"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your address is confirmed");
        await FillSignInAsync(page, email, password);
        await Expect(page).ToHaveURLAsync(new Regex("/portal$"));
    }

    /// <summary>Signs in on the sign-in page and waits until the header shows the account.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await FillSignInAsync(page, email, password);
    }

    private static async Task FillSignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(email);
    }
}
