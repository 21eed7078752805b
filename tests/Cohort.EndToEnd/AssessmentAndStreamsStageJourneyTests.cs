using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>
/// Stages 2 and 3 in a real browser, for one new applicant: an admin advances them, they hand in one timed
/// assessment and run out of time on another, apply to three streams (one a coalition) answering the shared
/// questions once, and book an interview. The site's clock is moved from stage to stage; the applicant comes back
/// in a fresh browser and signs in each time, as a week-old session would have expired. Expected data comes from
/// the database, never from slugs or texts that repeat the seed.
/// </summary>
public sealed partial class AssessmentAndStreamsStageJourneyTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const string Password = "a passphrase for stages two and three";

    private sealed record Applicant(string Id, string Name, string Email);

    [Fact]
    public async Task An_advanced_applicant_takes_timed_assessments_applies_to_three_streams_and_books_an_interview()
    {
        // On the day the demo was seeded its three stages are all open: the applicant goes straight on, no clock moved.
        var coalition = await CoalitionStreamAsync();
        var stages = await site.App.WithDbAsync(db => db.Stages.AsNoTracking().Where(s => s.TrackId == coalition.TrackId).OrderBy(s => s.Position).ToListAsync());
        Assert.True(stages.Count >= 3, $"The coalition stream's track has {stages.Count} stages, not three.");
        Assert.All(stages.Take(3), stage => Assert.InRange(site.App.Clock.Now.UtcDateTime, stage.OpensAt, stage.ClosesAt));

        var applicant = await SignUpWithASubmittedGeneralApplicationAsync();
        await AdvanceApplicantAsync(applicant, "general");
        await TakeTheTimedAssessmentsAsync(applicant);
        await AdvanceApplicantAsync(applicant, "assessments");
        var (streams, questions) = await StreamsToApplyToAsync(coalition);
        await using (var context = await site.NewContextAsync())
        {
            var page = await SignedInAsync(context, applicant);
            await ApplyToStreamsAsync(page, applicant, streams, questions);
            await BookAnInterviewAsync(page, applicant, coalition);
        }

        foreach (var stream in streams)
        {
            await AMentorReadsTheApplicationAsync(applicant, stream, streams, questions);
        }
    }

    /// <summary>
    /// An admin decision that lets the applicant through: on a stage's pipeline table (<c>general</c> opens the
    /// assessments, <c>assessments</c> the stream applications), in the admin's own browser, the applicant is ticked
    /// and advanced.
    /// </summary>
    private async Task AdvanceApplicantAsync(Applicant applicant, string stage)
    {
        var admin = DemoSeason.Accounts.Single(a => a.Role == Roles.Admin);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, admin.Email, admin.Password);

        await page.GotoAsync($"/admin/pipeline/{stage}");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {applicant.Name}", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Advance", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 application advanced");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = applicant.Name, Exact = true }) });
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = nameof(ApplicationState.Advanced), Exact = true })).ToBeVisibleAsync();
        var states = await site.App.WithDbAsync(async db =>
        {
            var general = await db.Applications.SingleAsync(a => a.ApplicantId == applicant.Id && a.Form!.Kind == FormKind.General);
            return (general.State, Entry: await GeneralApplications.AssessmentEntryStateAsync(db, general.Id));
        });
        Assert.Equal(ApplicationState.Advanced, stage == "general" ? states.State : states.Entry);
    }

    private async Task<Applicant> SignUpWithASubmittedGeneralApplicationAsync()
    {
        // The name is the admin's handle on the applicant in the pipeline, so it is unique to this run.
        var name = $"Noor Stagewalker {Guid.NewGuid().ToString("N")[..6]}";
        var email = $"stages-{Guid.NewGuid():N}@example.net";
        await using (var context = await site.NewContextAsync())
        {
            await SiteAccounts.SignUpAndConfirmAsync(site.App, await context.NewPageAsync(), name, email, Password);
        }

        var id = await site.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await GeneralStage.SubmitAsync(site.App, id);
        return new(id, name, email);
    }

    private async Task<IPage> SignedInAsync(IBrowserContext context, Applicant applicant)
    {
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, applicant.Email, Password);
        await GoToPortalAsync(page);
        return page;
    }

    /// <summary>The portal's card of one application or assessment, found by its link in the list of applications (a suggested stream links its name too).</summary>
    private static ILocator PortalRow(IPage page, string linkName) =>
        page.GetByRole(AriaRole.List, new() { Name = "Your applications, their state and what comes next" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }) });

    private static async Task GoToPortalAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Your applications", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your applications", Level = 1 })).ToBeVisibleAsync();
    }

    private void MoveClockTo(DateTime utc) => site.App.Clock.Now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>The coalition stream the demo mentor account co-mentors: the one with interview slots and a work test.</summary>
    private Task<ResearchStream> CoalitionStreamAsync() => site.App.WithDbAsync(async db =>
    {
        var stream = await db.Streams.AsNoTracking().Include(s => s.Mentors)
            .SingleAsync(s => s.Track!.Season!.IsCurrent && s.Mentors.Any(m => m.Mentor!.Slug == DemoSeason.DemoMentorSlug));
        Assert.True(stream.IsCoalition, $"{stream.Name} has {stream.Mentors.Count} mentor(s).");
        return stream;
    });
}
