using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Match;
using Cohort.Core.Projects;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Preferences;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Projects;

/// <summary>Who may see and change a stream's projects: its mentors, its fellows (each only their own ranking and outcome), nobody else.</summary>
public abstract class ProjectSecurityTests(CohortApp app)
{
    private const string Ranking = ProjectsData.RankingForm;
    private static readonly string Projects = ProjectsData.CoalitionProjects;
    private readonly ProjectsData data = new(app);

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Everything the projects' pages can change, to compare before and after a refused request.</summary>
    private Task<string> StateAsync() => app.WithDbAsync(async db => string.Join("|",
        string.Join(",", await db.Projects.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Title}:{p.Capacity}:{p.State}:{p.Version}").ToListAsync()),
        string.Join(",", await db.ProjectMentors.OrderBy(m => m.ProjectId).ThenBy(m => m.MentorId).Select(m => $"{m.ProjectId}:{m.MentorId}").ToListAsync()),
        string.Join(",", await db.FellowProjectPreferences.OrderBy(r => r.Id).Select(r => $"{r.ApplicantId}:{r.ProjectId}:{r.Position}").ToListAsync()),
        string.Join(",", await db.ProjectPreferences.OrderBy(e => e.Id).Select(e => $"{e.ProjectId}:{e.StreamApplicationId}:{e.Position}").ToListAsync()),
        await db.MatchRuns.CountAsync(r => r.Kind == MatchKind.Projects),
        await db.AuditEntries.CountAsync(e => e.Action.StartsWith("project"))));

    private Task<List<(int, int)>> FellowRankingAsync(string fellow) =>
        app.WithDbAsync(async db => (await db.FellowProjectPreferences.Where(r => r.ApplicantId == fellow).OrderBy(r => r.Position).ToListAsync())
            .Select(r => (r.ProjectId, r.Position)).ToList());

    private static async Task<int> PostAsync(Browser browser, string url, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        using var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task A_mentor_of_another_stream_gets_404_on_every_project_page_and_post_of_this_stream()
    {
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        var project = await data.ProjectAsync(StreamsStageData.Coalition, fellow.Person.Id);
        var pitch = await data.ProjectAsync(StreamsStageData.Coalition, fellow.Person.Id, ProjectState.Pending);
        using var other = await data.StreamsStage.SignInAsync(await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Internals));
        var token = await ProjectsData.TokenAsync(other, $"/mentor/streams/{StreamsStageData.Internals}/projects");
        var before = await StateAsync();

        var reads = new List<int>();
        foreach (var url in new[] { Projects, $"{Projects}/{project}", $"{Projects}/assignment" })
        {
            reads.Add((await other.GetAsync(url)).Status);
        }

        var posts = new List<int>
        {
            await PostAsync(other, $"{Projects}?handler=Pitch", token, new() { ["Pitch.Title"] = "Intruder", ["Pitch.Description"] = "No", ["Pitch.Capacity"] = "1" }),
            await PostAsync(other, $"{Projects}?handler=Approve", token, new() { ["projectId"] = Text(pitch), ["capacity"] = "1" }),
            await PostAsync(other, $"{Projects}?handler=Decline", token, new() { ["projectId"] = Text(pitch) }),
            await PostAsync(other, $"{Projects}/{project}?handler=Edit", token, new() { ["Edit.Title"] = "Taken over", ["Edit.Description"] = "No", ["Edit.Capacity"] = "3" }),
            await PostAsync(other, $"{Projects}/{project}?handler=Withdraw", token, []),
            await PostAsync(other, $"{Projects}/{project}?handler=Ranking", token, new() { ["Ranking[0].StreamApplicationId"] = Text(fellow.ApplicationId), ["Ranking[0].Position"] = "1" }),
            await PostAsync(other, $"{Projects}/assignment?handler=Run", token, []),
            await PostAsync(other, $"{Projects}/assignment?handler=Publish", token, new() { ["runId"] = "1" }),
        };
        // Through their own stream's address, this stream's project is no project of theirs either.
        var throughOwn = await PostAsync(other, $"/mentor/streams/{StreamsStageData.Internals}/projects/{project}?handler=Withdraw", token, []);
        var approveThroughOwn = await PostAsync(other, $"/mentor/streams/{StreamsStageData.Internals}/projects?handler=Approve", token, new() { ["projectId"] = Text(pitch), ["capacity"] = "1" });

        Assert.All(reads, status => Assert.Equal(404, status));
        Assert.All(posts, status => Assert.Equal(404, status));
        Assert.Equal(404, throughOwn);
        Assert.Equal(200, approveThroughOwn);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData(OfferState.Pending)]
    [InlineData(OfferState.Declined)]
    [InlineData(null)]
    public async Task An_applicant_who_is_not_a_fellow_can_neither_see_nor_rank_nor_pitch_projects(OfferState? offer)
    {
        var project = await data.ProjectAsync(StreamsStageData.Coalition, (await data.FellowAsync(StreamsStageData.Coalition)).Person.Id);
        var applicant = offer is { } state ? (await data.FellowAsync(StreamsStageData.Coalition, state)).Person : await data.StreamsStage.NewAsync();
        using var browser = await data.StreamsStage.SignInAsync(applicant);
        var portal = await browser.GetAsync("/portal");
        var token = portal.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await StateAsync();

        var read = await browser.GetAsync("/portal/projects");
        var ranked = await PostAsync(browser, "/portal/projects?handler=Ranking", token, new() { ["Ranking[0].StreamApplicationId"] = Text(project), ["Ranking[0].Position"] = "1" });
        var pitched = await PostAsync(browser, "/portal/projects?handler=Pitch", token, new() { ["Pitch.Title"] = "Mine", ["Pitch.Description"] = "Please" });

        Assert.Null(portal.One("a#projects"));
        Assert.Equal((404, 404, 404), (read.Status, ranked, pitched));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_fellow_sees_their_own_ranking_and_never_another_fellows()
    {
        var (first, second) = (await data.FellowAsync(StreamsStageData.Coalition), await data.FellowAsync(StreamsStageData.Coalition));
        var (a, b) = (await data.ProjectAsync(StreamsStageData.Coalition, first.Person.Id), await data.ProjectAsync(StreamsStageData.Coalition, first.Person.Id));
        using var firstBrowser = await data.StreamsStage.SignInAsync(first.Person);
        using var secondBrowser = await data.StreamsStage.SignInAsync(second.Person);
        var page = await firstBrowser.GetAsync("/portal/projects");
        await firstBrowser.SubmitAsync(page, Ranking, PreferenceForms.Ranks(page, Ranking, new Dictionary<int, string> { [a] = "1", [b] = "2" }));
        page = await secondBrowser.GetAsync("/portal/projects");

        var saved = await secondBrowser.SubmitAsync(page, Ranking, PreferenceForms.Ranks(page, Ranking, new Dictionary<int, string> { [b] = "1" }));

        Assert.Null(saved.One(".problem"));
        Assert.Equal([(a, 1), (b, 2)], await FellowRankingAsync(first.Person.Id));
        Assert.Equal([(b, 1)], await FellowRankingAsync(second.Person.Id));
        Assert.Equal(("", "1"), (saved.One($"{Ranking} tr[data-application='{a}'] input[data-rank]")!.GetAttribute("value") ?? "",
            saved.One($"{Ranking} tr[data-application='{b}'] input[data-rank]")!.GetAttribute("value")));
        Assert.Null(saved.One("#my-project"));
    }

    [Fact]
    public async Task A_ranking_naming_another_streams_project_a_pending_pitch_or_another_streams_fellow_is_refused_and_nothing_is_saved()
    {
        var fellow = await data.FellowAsync(StreamsStageData.Coalition);
        var own = await data.ProjectAsync(StreamsStageData.Coalition, fellow.Person.Id);
        var pending = await data.ProjectAsync(StreamsStageData.Coalition, fellow.Person.Id, ProjectState.Pending);
        var elsewhere = await data.FellowAsync(StreamsStageData.Internals);
        var foreign = await data.ProjectAsync(StreamsStageData.Internals, elsewhere.Person.Id);
        using var browser = await data.StreamsStage.SignInAsync(fellow.Person);
        using var mentor = await app.AsAsync(Roles.Mentor);
        var before = await StateAsync();

        var refusals = new List<string>();
        foreach (var stranger in new[] { foreign, pending })
        {
            var page = await browser.GetAsync("/portal/projects");
            var values = PreferenceForms.Ranks(page, Ranking, new Dictionary<int, string> { [own] = "1" });
            values[PreferenceForms.RowOf(page, Ranking, own) + ".StreamApplicationId"] = Text(stranger);
            refusals.Add((await browser.SubmitAsync(page, Ranking, values)).One(".problem")!.TextContent);
        }

        var form = await mentor.GetAsync($"{Projects}/{own}");
        var mentorValues = PreferenceForms.Ranks(form, Ranking, new Dictionary<int, string> { [fellow.ApplicationId] = "1" });
        mentorValues[PreferenceForms.RowOf(form, Ranking, fellow.ApplicationId) + ".StreamApplicationId"] = Text(elsewhere.ApplicationId);
        refusals.Add((await mentor.SubmitAsync(form, Ranking, mentorValues)).One(".problem")!.TextContent);

        Assert.All(refusals.Take(2), r => Assert.Contains("not an approved project of your stream. Nothing was saved.", r, StringComparison.Ordinal));
        Assert.Contains("not a fellow of this stream. Nothing was saved.", refusals[2], StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }
}

public sealed class ProjectSecurityOnSqlite(SqliteApp app) : ProjectSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class ProjectSecurityOnPostgres(PostgresApp app) : ProjectSecurityTests(app), IClassFixture<PostgresApp>;
