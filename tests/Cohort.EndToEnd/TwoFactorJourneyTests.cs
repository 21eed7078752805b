using System.Text.RegularExpressions;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>Two-step sign-in in a real browser: the QR code shows under the site's CSP, and the code then signs in.</summary>
public sealed class TwoFactorJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task A_person_turns_on_two_step_sign_in_from_the_header_and_then_signs_in_with_a_code()
    {
        var mentor = DemoSeason.Accounts.Single(a => a.Role == Core.Accounts.Roles.Mentor);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };

        await SiteAccounts.SignInAsync(page, mentor.Email, mentor.Password);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Account security" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code to add Cohort to your authenticator app" });
        await Expect(qr).ToBeVisibleAsync();
        var drawn = await qr.EvaluateAsync<int>("image => image.naturalWidth");
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("Your password").FillAsync(mentor.Password);
        await page.GetByLabel("Enter the 6-digit code the app shows").FillAsync(Totp.Code(key, site.App.Clock.Now));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(mentor.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(mentor.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in/code"));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Next(site.App.Clock, key));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(mentor.Email);
        Assert.True(drawn > 0, "The QR code image did not load.");
        Assert.Empty(blocked);
    }
}
