using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Match;
using Cohort.Core.Preferences;
using Cohort.Core.Projects;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// Projects inside the coalition stream, in the browser, on an instance solved by hand. The demo mentor pitches
/// "Probe the planner" and "Audit the auditors", one place each. Both fellows want the probes first; the probes'
/// ranking puts Bex first, so Arlo, who proposes to the probes and is turned away, is assigned the audit.
/// </summary>
public sealed class ProjectJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const string Stream = "control-coalition";

    [Fact]
    public async Task The_mentor_pitches_and_ranks_the_fellow_ranks_the_mentor_runs_and_publishes_and_the_fellow_reads_their_project()
    {
        var streamId = await site.App.WithDbAsync(db => db.Streams.Where(s => s.Slug == Stream).Select(s => s.Id).SingleAsync());
        var arlo = await StreamsStageApplicants.NewAsync(site.App, "Arlo Fellow", streamId);
        var bex = await StreamsStageApplicants.NewAsync(site.App, "Bex Fellow", streamId);
        await site.App.WithDbAsync(async db =>
        {
            await HeldOffers.PutAsync(db, arlo.Application, OfferState.Accepted);
            await HeldOffers.PutAsync(db, bex.Application, OfferState.Accepted);
            return 0;
        });
        await using var mentorContext = await site.NewContextAsync();
        var mentor = await mentorContext.NewPageAsync();
        var demoMentor = DemoSeason.Accounts.Single(a => a.Role == Roles.Mentor);
        await SiteAccounts.SignInAsync(mentor, demoMentor.Email, demoMentor.Password);

        foreach (var title in new[] { "Probe the planner", "Audit the auditors" })
        {
            await mentor.GotoAsync($"/mentor/streams/{Stream}/projects");
            await mentor.GetByLabel("Title").FillAsync(title);
            await mentor.GetByLabel("Description").FillAsync($"{title}: a project pitched in the browser.");
            await mentor.GetByLabel("Capacity (how many fellows)").FillAsync("1");
            await mentor.GetByRole(AriaRole.Button, new() { Name = "Pitch the project" }).ClickAsync();
            await Expect(mentor.Locator("#projects")).ToContainTextAsync(title);
        }

        var (probe, audit) = await site.App.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Title == "Probe the planner").Select(p => p.Id).SingleAsync(),
            await db.Projects.Where(p => p.Title == "Audit the auditors").Select(p => p.Id).SingleAsync()));

        await using var fellowContext = await site.NewContextAsync();
        var fellow = await fellowContext.NewPageAsync();
        await SiteAccounts.SignInAsync(fellow, arlo.Email, StreamsStageApplicants.Password);
        await fellow.GotoAsync("/portal/projects");
        await fellow.Locator($"#project-ranking tr[data-application='{probe}'] input[data-rank]").FillAsync("1");
        await fellow.Locator($"#project-ranking tr[data-application='{audit}'] input[data-rank]").FillAsync("2");
        await fellow.GetByRole(AriaRole.Button, new() { Name = "Save my ranking" }).ClickAsync();
        await Expect(fellow.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<SaveFellowProjectPreferences>().RunAsync(new Actor(bex.Id, bex.Email), [new PreferenceRow(probe, 1), new PreferenceRow(audit, 2)]));
        }

        await mentor.GotoAsync($"/mentor/streams/{Stream}/projects/{probe}");
        await mentor.Locator($"#project-ranking tr[data-application='{bex.Application}'] input[data-rank]").FillAsync("1");
        await mentor.Locator($"#project-ranking tr[data-application='{arlo.Application}'] input[data-rank]").FillAsync("2");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save the project's ranking" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await mentor.GotoAsync($"/mentor/streams/{Stream}/projects/{audit}");
        await mentor.Locator($"#project-ranking tr[data-application='{arlo.Application}'] input[data-rank]").FillAsync("1");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save the project's ranking" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        await mentor.GotoAsync($"/mentor/streams/{Stream}/projects/assignment");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Run the assignment" }).ClickAsync();
        await Expect(mentor.Locator("#certificate")).ToContainTextAsync("Stable");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Publish: tell every fellow their project" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");

        await fellow.GotoAsync("/portal/projects");
        await Expect(fellow.Locator("#my-project")).ToContainTextAsync("Audit the auditors");
        await Expect(fellow.Locator("#my-project")).Not.ToContainTextAsync("Probe the planner");
        await Expect(fellow.Locator("#project-ranking")).ToHaveCountAsync(0);
    }
}
