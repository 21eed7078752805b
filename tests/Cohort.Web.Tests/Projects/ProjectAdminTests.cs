using Cohort.Core.Accounts;
using Cohort.Core.Projects;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Projects;

/// <summary>An admin runs and publishes a stream's project assignment from the admin's projects page; a mentor cannot open it.</summary>
public abstract class ProjectAdminTests(CohortApp app)
{
    private readonly ProjectsData data = new(app);

    [Fact]
    public async Task An_admin_runs_and_publishes_a_streams_assignment_and_the_fellows_see_it()
    {
        var (placed, unranked) = (await data.FellowAsync(StreamsStageData.Internals), await data.FellowAsync(StreamsStageData.Internals));
        var project = await data.ProjectAsync(StreamsStageData.Internals, placed.Person.Id);
        var (stream, title) = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == project);
            db.FellowProjectPreferences.Add(new FellowProjectPreference { ApplicantId = placed.Person.Id, ProjectId = project, Position = 1 });
            db.ProjectPreferences.Add(new ProjectPreference { ProjectId = project, StreamApplicationId = placed.ApplicationId, Position = 1, UpdatedById = placed.Person.Id });
            await db.SaveChangesAsync();
            return (p.StreamId, p.Title);
        });
        using var admin = await app.AsAsync(Roles.Admin);
        using var mentor = await app.AsAsync(Roles.Mentor);

        var overview = await admin.GetAsync("/admin/projects");
        var run = await admin.SubmitAsync(await admin.GetAsync($"/admin/projects?stream={stream}"), "#run-assignment", new Dictionary<string, string>());
        var published = await admin.SubmitAsync(run, "#publish-assignment", new Dictionary<string, string>());
        using var placedBrowser = await data.StreamsStage.SignInAsync(placed.Person);
        using var unrankedBrowser = await data.StreamsStage.SignInAsync(unranked.Person);

        Assert.Equal("2", overview.One($"tr[data-stream='{stream}'] td")!.TextContent.Trim());
        Assert.Contains("Stable", run.One("#certificate")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{project}", run.One($"#placements tr[data-fellow='{placed.Person.Id}'] td[data-placed]")!.GetAttribute("data-placed"));
        Assert.Contains("Published", published.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, (await placedBrowser.GetAsync("/portal/projects")).One("#my-project")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No project could be assigned to you", (await unrankedBrowser.GetAsync("/portal/projects")).One("#my-project")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == "Your project in Model Internals")));
        using var denied = await mentor.Client.GetAsync($"/admin/projects?stream={stream}");
        Assert.True((int)denied.StatusCode == 403 || denied.Headers.Location?.ToString().Contains("access-denied", StringComparison.Ordinal) == true);
    }
}

public sealed class ProjectAdminOnSqlite(SqliteApp app) : ProjectAdminTests(app), IClassFixture<SqliteApp>;

public sealed class ProjectAdminOnPostgres(PostgresApp app) : ProjectAdminTests(app), IClassFixture<PostgresApp>;
