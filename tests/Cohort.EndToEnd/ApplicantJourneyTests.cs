using System.Text.RegularExpressions;
using Cohort.Core.Accounts;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// A visitor's journey through the public site in headless chromium, against the real app on Kestrel and SQLite.
/// Elements are found by role and accessible name wherever the markup allows, so each lookup doubles as a check
/// that a screen reader would find the same thing. Expected data comes from the database or /api/streams, never
/// from slugs written here.
/// </summary>
public sealed class ApplicantJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task The_home_page_greets_visitors_with_the_current_season_name()
    {
        var season = await site.App.CurrentSeasonAsync();
        Assert.NotNull(season);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = season.Name, Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync($"{season.Name} · Cohort");
    }

    [Fact]
    public async Task Filtering_the_stream_list_by_a_topic_leaves_only_the_streams_of_that_topic()
    {
        var all = await site.StreamsFromApiAsync();
        // The most common topic that is not every stream's: the filter must both keep several cards and drop some.
        var topic = all.GroupBy(s => s.Topic)
            .Where(g => g.Count() < all.Count)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        Assert.NotNull(topic);
        var expected = all.Where(s => s.Topic == topic).Select(s => s.Slug).Order(StringComparer.Ordinal).ToList();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Streams", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/streams$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Streams", Exact = true, Level = 1 })).ToBeVisibleAsync();
        var cards = page.Locator("li.card[data-stream]");
        await Expect(cards).ToHaveCountAsync(all.Count);

        var topicSelect = page.GetByRole(AriaRole.Combobox, new() { Name = "Topic", Exact = true });
        Assert.Equal("topic", await topicSelect.GetAttributeAsync("id"));
        await topicSelect.SelectOptionAsync(new SelectOptionValue { Label = topic });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]topic="));
        await Expect(cards).ToHaveCountAsync(expected.Count);
        var shown = await cards.EvaluateAllAsync<string[]>("cards => cards.map(card => card.dataset.stream)");
        Assert.Equal(expected, shown.Order(StringComparer.Ordinal));
        foreach (var card in await cards.AllAsync())
        {
            await Expect(card.Locator(".tag").GetByText(topic, new() { Exact = true })).ToHaveCountAsync(1);
        }

        await Expect(topicSelect).ToHaveValueAsync(topic);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex($@"^\s*{expected.Count} streams?\s*$"));
    }

    [Fact]
    public async Task A_coalition_stream_page_lists_every_one_of_its_mentors()
    {
        var all = await site.StreamsFromApiAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/streams");

        var coalitionCards = page.Locator("li.card").Filter(new() { Has = page.Locator(".tag", new() { HasTextString = "Coalition of" }) });
        await Expect(coalitionCards).ToHaveCountAsync(all.Count(s => s.Coalition));
        var card = coalitionCards.First;
        var slug = await card.GetAttributeAsync("data-stream");
        var stream = all.Single(s => s.Slug == slug);
        Assert.True(stream.Coalition);
        Assert.True(stream.Mentors.Count >= 2, $"{stream.Slug} is a coalition of {stream.Mentors.Count} mentor(s).");

        await card.GetByRole(AriaRole.Link, new() { Name = stream.Name, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/streams/{Regex.Escape(stream.Slug)}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = stream.Name, Exact = true, Level = 1 })).ToBeVisibleAsync();
        var mentorLinks = page.Locator(".mentor-list a");
        await Expect(mentorLinks).ToHaveCountAsync(stream.Mentors.Count);
        var names = (await mentorLinks.AllInnerTextsAsync()).Select(n => n.Trim());
        Assert.Equal(stream.Mentors.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var mentorsSection = page.GetByRole(AriaRole.Region, new() { Name = "Mentors", Exact = true });
        foreach (var mentor in stream.Mentors)
        {
            await Expect(mentorsSection.GetByRole(AriaRole.Link, new() { Name = mentor, Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_new_applicant_can_create_an_account_confirm_it_sign_out_and_sign_in_again()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery staple";
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var account = page.Locator(".account");
        var signInLink = account.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });
        var signOutButton = account.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });
        await Expect(signInLink).ToBeVisibleAsync();

        // Sign up from the header link, then confirm the address from the mail.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Create account", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-up$"));
        await SiteAccounts.SignUpAndConfirmAsync(site.App, page, "Rosa Applicant", email, password);

        await Expect(account).ToContainTextAsync(email);
        await Expect(signOutButton).ToBeVisibleAsync();
        await Expect(signInLink).ToHaveCountAsync(0);
        Assert.True(await IsApplicantAsync(email), $"{email} was not created as an applicant.");

        // Sign out from the header.
        await signOutButton.ClickAsync();
        await Expect(signInLink).ToBeVisibleAsync();
        await Expect(account).Not.ToContainTextAsync(email);
        await Expect(signOutButton).ToHaveCountAsync(0);

        // Sign in again.
        await signInLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(account).ToContainTextAsync(email);
        await Expect(signOutButton).ToBeVisibleAsync();
        await Expect(signInLink).ToHaveCountAsync(0);
    }

    private async Task<bool> IsApplicantAsync(string email)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>();
        return await users.FindByEmailAsync(email) is { } user && await users.IsInRoleAsync(user, Roles.Applicant);
    }
}
