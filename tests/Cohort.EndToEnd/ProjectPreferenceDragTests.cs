using Cohort.Core.Match;
using Cohort.Core.Projects;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>A fellow's preferences over their stream's projects drag like a stream's preferences: the same rows, script and plain post.</summary>
public sealed class ProjectPreferenceDragTests(LiveSite site) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task A_fellow_drags_the_second_project_above_the_first_and_the_post_saves_that_order()
    {
        var stream = await site.App.WithDbAsync(db => db.Streams.Include(s => s.Mentors).SingleAsync(s => s.Slug == "control-coalition"));
        var fellow = await StreamsStageApplicants.NewAsync(site.App, "Dragwell Fellow", stream.Id);
        var (upper, lower) = await site.App.WithDbAsync(async db =>
        {
            await HeldOffers.PutAsync(db, fellow.Application, OfferState.Accepted);
            var projects = new[] { "Aardvark monitors", "Zebra protocols" }.Select(title =>
            {
                var project = new Project { StreamId = stream.Id, Title = title, Description = "Dragged in a browser.", Capacity = 1, State = ProjectState.Approved, PitchedById = fellow.Id };
                project.Mentors.Add(new ProjectMentor { MentorId = stream.Mentors[0].MentorId });
                return project;
            }).ToList();
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync();
            return (projects[0].Id, projects[1].Id);
        });
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, fellow.Email, StreamsStageApplicants.Password);
        await page.GotoAsync("/portal/projects");
        ILocator Row(int project) => page.Locator($"#project-ranking tr[data-application='{project}']");
        ILocator Rank(int project) => Row(project).Locator("input[data-rank]");
        async Task SaveAsync()
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Save my ranking" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        }

        await Rank(upper).FillAsync("1");
        await Rank(lower).FillAsync("2");
        await SaveAsync();

        await Row(lower).DragToAsync(Row(upper), new() { TargetPosition = new() { X = 20, Y = 2 } });

        await Expect(Rank(lower)).ToHaveValueAsync("1");
        await Expect(Rank(upper)).ToHaveValueAsync("2");
        await SaveAsync();
        var saved = await site.App.WithDbAsync(db => db.FellowProjectPreferences.Where(r => r.ApplicantId == fellow.Id).OrderBy(r => r.Position).Select(r => r.ProjectId).ToListAsync());
        Assert.Equal([lower, upper], saved);
    }
}
