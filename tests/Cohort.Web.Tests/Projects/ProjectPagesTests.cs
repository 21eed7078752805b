using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Projects;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Projects;

/// <summary>The mentors' project pages beyond the cycle: declining a pitch, editing and withdrawing a project, and who edits a project's ranking.</summary>
public abstract class ProjectPagesTests(CohortApp app)
{
    private static readonly string Projects = ProjectsData.CoalitionProjects;
    private readonly ProjectsData data = new(app);

    private Task<Project> ProjectAsync(int id) => app.WithDbAsync(db => db.Projects.Include(p => p.Mentors).SingleAsync(p => p.Id == id));

    private Task<string> LastAuditAsync(string action) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderByDescending(e => e.Id).Select(e => e.Subject + " " + e.Details).FirstAsync());

    [Fact]
    public async Task A_declined_pitch_shows_the_fellow_the_mentors_note_and_never_reaches_the_other_fellows()
    {
        var (pitcher, other) = (await data.FellowAsync(StreamsStageData.Coalition), await data.FellowAsync(StreamsStageData.Coalition));
        var pitch = await data.ProjectAsync(StreamsStageData.Coalition, pitcher.Person.Id, ProjectState.Pending);
        using var mentor = await app.AsAsync(Roles.Mentor);
        using var pitcherBrowser = await data.StreamsStage.SignInAsync(pitcher.Person);
        using var otherBrowser = await data.StreamsStage.SignInAsync(other.Person);

        var declined = await mentor.SubmitAsync(await mentor.GetAsync(Projects), $"form[data-decline='{pitch}']", new Dictionary<string, string> { ["note"] = "Too close to an existing project" });

        Assert.Contains("The pitch was declined", declined.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(declined.One($"[data-pitch='{pitch}']"));
        Assert.Equal((ProjectState.Declined, "Too close to an existing project"), ((await ProjectAsync(pitch)).State, (await ProjectAsync(pitch)).DecisionNote));
        Assert.Contains("declined: Too close to an existing project", (await pitcherBrowser.GetAsync("/portal/projects")).One("#my-pitches")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await otherBrowser.GetAsync("/portal/projects")).One($"[data-project='{pitch}']"));
        Assert.StartsWith($"project:{pitch} ", await LastAuditAsync("project.declined"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_edits_a_project_refused_input_comes_back_as_typed_and_a_withdrawn_project_leaves_the_fellows_page()
    {
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        var project = await data.ProjectAsync(StreamsStageData.Coalition, fellow.Person.Id);
        var tomasz = await app.WithDbAsync(db => db.Mentors.Where(m => m.Slug == "tomasz-wielgosz").Select(m => m.Id).SingleAsync());
        using var mentor = await app.AsAsync(Roles.Mentor);
        using var fellowBrowser = await data.StreamsStage.SignInAsync(fellow.Person);
        var page = await mentor.GetAsync($"{Projects}/{project}");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.One($"#edit-mentor-{tomasz}")!).IsChecked = true;

        var refused = await mentor.SubmitAsync(page, "#edit-project", new Dictionary<string, string> { ["Edit.Title"] = "Renamed", ["Edit.Capacity"] = "0" });
        var edited = await mentor.SubmitAsync(page, "#edit-project", new Dictionary<string, string> { ["Edit.Title"] = "Renamed", ["Edit.Capacity"] = "3" });
        var seen = await fellowBrowser.GetAsync("/portal/projects");
        var withdrawn = await mentor.SubmitAsync(edited, "#withdraw-project", new Dictionary<string, string>());

        Assert.Contains("capacity must be 1 or more", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed", refused.One("#edit-project input[name='Edit.Title']")!.GetAttribute("value"));
        Assert.Contains("The project was saved", edited.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renamed", seen.One($"[data-project='{project}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("after: \"Renamed\", capacity 3, mentors #", await LastAuditAsync("project.edited"), StringComparison.Ordinal);
        Assert.Contains("Withdrawn", withdrawn.One("#project-state")!.TextContent, StringComparison.Ordinal);
        var stored = await ProjectAsync(project);
        Assert.Equal((ProjectState.Withdrawn, "Renamed", 3, 2), (stored.State, stored.Title, stored.Capacity, stored.Mentors.Count));
        Assert.Null((await fellowBrowser.GetAsync("/portal/projects")).One($"[data-project='{project}']"));
        Assert.StartsWith($"project:{project} ", await LastAuditAsync("project.withdrawn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_projects_own_mentors_get_its_ranking_form_and_a_post_by_another_mentor_of_the_stream_is_refused()
    {
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        var project = await data.ProjectAsync(StreamsStageData.Coalition, fellow.Person.Id);
        using var coMentor = await data.StreamsStage.SignInAsync(await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Coalition));
        var page = await coMentor.GetAsync($"{Projects}/{project}");
        var token = page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var posted = await coMentor.Client.PostAsync($"{Projects}/{project}?handler=Ranking", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Ranking[0].StreamApplicationId"] = fellow.ApplicationId.ToString(CultureInfo.InvariantCulture), ["Ranking[0].Position"] = "1",
        }));
        var refused = await Browser.ReadAsync(posted, $"{Projects}/{project}");

        Assert.Null(page.One(ProjectsData.RankingForm));
        Assert.Contains("Only the project's own mentors rank fellows for it.", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ProjectPreferences.AnyAsync(e => e.ProjectId == project)));
    }
}

public sealed class ProjectPagesOnSqlite(SqliteApp app) : ProjectPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ProjectPagesOnPostgres(PostgresApp app) : ProjectPagesTests(app), IClassFixture<PostgresApp>;
