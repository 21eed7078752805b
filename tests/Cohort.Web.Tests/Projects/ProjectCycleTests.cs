using System.Globalization;
using AngleSharp.Html.Dom;
using Cohort.Core.Accounts;
using Cohort.Core.Projects;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Preferences;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Projects;

/// <summary>
/// The projects of the coalition stream through the pages, on an instance solved by hand. Three fellows F1, F2, F3;
/// project A (Ada and Tomasz co-mentor it), B (Tomasz) and C (F3's own pitch, approved by Ada), one place each.
/// F1 ranks A, B; F2 ranks A, C; F3 ranks C, A. A's mentors rank F2, F1, F3; B's F1, F2; C's F1, F3, F2.
/// Fellows propose: F1 and F2 both ask A, which keeps F2, so F1 goes to B; F3 gets C. F1 would rather have A, but A
/// prefers F2, so no pair blocks: F1→B, F2→A, F3→C, stable.
/// </summary>
public abstract class ProjectCycleTests(CohortApp app)
{
    private const string Ranking = ProjectsData.RankingForm;
    private static readonly string Projects = ProjectsData.CoalitionProjects;
    private readonly ProjectsData data = new(app);

    private static async Task<Browser.Page> PitchAsync(Browser mentor, string title, string capacity, params int[] alsoMentoredBy)
    {
        var page = await mentor.GetAsync(Projects);
        foreach (var id in alsoMentoredBy)
        {
            ((IHtmlInputElement)page.One($"#pitch-mentor-{id}")!).IsChecked = true;
        }

        return await mentor.SubmitAsync(page, "#pitch", new Dictionary<string, string>
        {
            ["Pitch.Title"] = title, ["Pitch.Description"] = $"What {title} is about.", ["Pitch.Capacity"] = capacity,
        });
    }

    private static Dictionary<string, string> Ranks(Browser.Page page, params int[] order) =>
        PreferenceForms.Ranks(page, Ranking, order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (x.i + 1).ToString(CultureInfo.InvariantCulture)));

    private static async Task RankAsync(Browser browser, string url, params int[] order)
    {
        var page = await browser.GetAsync(url);
        var saved = await browser.SubmitAsync(page, Ranking, Ranks(page, order));
        Assert.Null(saved.One(".problem[role=alert]"));
    }

    private Task<List<Project>> ProjectsAsync() =>
        app.WithDbAsync(db => db.Projects.Include(p => p.Mentors).Where(p => db.Streams.Any(s => s.Id == p.StreamId && s.Slug == StreamsStageData.Coalition)).ToListAsync());

    private Task<List<(int, int)>> FellowRankingAsync(string fellow) =>
        app.WithDbAsync(async db => (await db.FellowProjectPreferences.Where(r => r.ApplicantId == fellow).OrderBy(r => r.Position).ToListAsync())
            .Select(r => (r.ProjectId, r.Position)).ToList());

    [Fact]
    public async Task Pitches_an_approval_both_sides_rankings_and_a_certified_run_give_each_fellow_their_own_project_once_published()
    {
        var (f1, f2, f3) = (await data.FellowAsync(StreamsStageData.Coalition), await data.FellowAsync(StreamsStageData.Coalition), await data.FellowAsync(StreamsStageData.Coalition));
        var tomaszAccount = await data.StreamsStage.NewMentorOfAsync(StreamsStageData.Coalition);
        var mentors = await app.WithDbAsync(db => db.Mentors.Where(m => m.Slug == "ada-okafor" || m.Slug == "tomasz-wielgosz").ToDictionaryAsync(m => m.Slug, m => m));
        var (ada, tomasz) = (mentors["ada-okafor"], mentors["tomasz-wielgosz"]);
        using var adaBrowser = await app.AsAsync(Roles.Mentor);
        using var tomaszBrowser = await data.StreamsStage.SignInAsync(tomaszAccount);
        using var b1 = await data.StreamsStage.SignInAsync(f1.Person);
        using var b2 = await data.StreamsStage.SignInAsync(f2.Person);
        using var b3 = await data.StreamsStage.SignInAsync(f3.Person);

        Assert.NotNull((await adaBrowser.GetAsync($"/mentor/streams/{StreamsStageData.Coalition}")).One($"a#stream-projects[href='{Projects}']"));
        Assert.NotNull((await b1.GetAsync("/portal")).One("a#projects[href='/portal/projects']"));
        Assert.NotNull((await b1.GetAsync("/portal/projects")).One("script[src^='/js/ranking.js']"));

        var noSeat = await PitchAsync(adaBrowser, "Zero seats", "0");
        var untitled = await PitchAsync(adaBrowser, "", "1");
        Assert.Contains("capacity must be 1 or more", noSeat.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Give the project a title", untitled.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await ProjectsAsync());

        await PitchAsync(adaBrowser, "Monitor collusion", "1", tomasz.Id);
        await PitchAsync(tomaszBrowser, "Resample protocols", "1");
        var pitched = await b3.SubmitAsync(await b3.GetAsync("/portal/projects"), "#pitch", new Dictionary<string, string>
        {
            ["Pitch.Title"] = "Exfiltration setting", ["Pitch.Description"] = "An agent with network access, and protocols against it.",
        });
        Assert.Contains("Your pitch was sent", pitched.One(".notice")!.TextContent, StringComparison.Ordinal);
        var byTitle = (await ProjectsAsync()).ToDictionary(p => p.Title);
        var (a, b, c) = (byTitle["Monitor collusion"].Id, byTitle["Resample protocols"].Id, byTitle["Exfiltration setting"].Id);
        Assert.Equal(ProjectState.Pending, byTitle["Exfiltration setting"].State);
        Assert.Null((await b1.GetAsync("/portal/projects")).One($"[data-project='{c}']"));

        var approved = await adaBrowser.SubmitAsync(await adaBrowser.GetAsync(Projects), $"form[data-approve='{c}']", new Dictionary<string, string> { ["note"] = "A good fit" });
        Assert.Contains("The pitch was approved", approved.One(".notice")!.TextContent, StringComparison.Ordinal);
        byTitle = (await ProjectsAsync()).ToDictionary(p => p.Title);
        Assert.Equal([ada.Id, tomasz.Id], byTitle["Monitor collusion"].Mentors.Select(m => m.MentorId).Order());
        Assert.Equal((ProjectState.Approved, 1, ada.Id, "A good fit"), (byTitle["Exfiltration setting"].State, byTitle["Exfiltration setting"].Capacity,
            byTitle["Exfiltration setting"].Mentors.Single().MentorId, byTitle["Exfiltration setting"].DecisionNote));
        Assert.Contains("A good fit", (await b3.GetAsync("/portal/projects")).One("#my-pitches")!.TextContent, StringComparison.Ordinal);

        await RankAsync(b1, "/portal/projects", a, b);
        await RankAsync(b2, "/portal/projects", a, c);
        await RankAsync(b3, "/portal/projects", c, a);
        await RankAsync(tomaszBrowser, $"{Projects}/{a}", f2.ApplicationId, f1.ApplicationId, f3.ApplicationId);
        await RankAsync(tomaszBrowser, $"{Projects}/{b}", f1.ApplicationId, f2.ApplicationId);
        await RankAsync(adaBrowser, $"{Projects}/{c}", f1.ApplicationId, f3.ApplicationId, f2.ApplicationId);
        Assert.NotNull((await adaBrowser.GetAsync($"{Projects}/{c}")).One("script[src^='/js/ranking.js']"));

        var form = await b1.GetAsync("/portal/projects");
        var duplicate = await b1.SubmitAsync(form, Ranking, PreferenceForms.Ranks(form, Ranking, new Dictionary<int, string> { [a] = "1", [b] = "1" }));
        Assert.Contains("Ranks must be the numbers 1 to 2", duplicate.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([(a, 1), (b, 2)], await FellowRankingAsync(f1.Person.Id));

        var run = await adaBrowser.SubmitAsync(await adaBrowser.GetAsync($"{Projects}/assignment"), "#run-assignment", new Dictionary<string, string>());
        Assert.Contains("Stable", run.One("#certificate")!.TextContent, StringComparison.Ordinal);
        var placed = run.All("#placements tr[data-fellow]").ToDictionary(r => r.GetAttribute("data-fellow")!, r => r.QuerySelector("td[data-placed]")!.GetAttribute("data-placed"));
        Assert.Equal(new Dictionary<string, string?> { [f1.Person.Id] = $"{b}", [f2.Person.Id] = $"{a}", [f3.Person.Id] = $"{c}" }, placed);
        Assert.Null((await b1.GetAsync("/portal/projects")).One("#my-project"));

        var published = await adaBrowser.SubmitAsync(run, "#publish-assignment", new Dictionary<string, string>());
        Assert.Contains("Published", published.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(published.One("#publish-assignment"));
        Assert.Null(published.One("#run-assignment"));

        var titles = new Dictionary<int, string> { [a] = "Monitor collusion", [b] = "Resample protocols", [c] = "Exfiltration setting" };
        foreach (var (browser, fellow, mine) in new[] { (b1, f1, b), (b2, f2, a), (b3, f3, c) })
        {
            var outcome = (await browser.GetAsync("/portal/projects")).One("#my-project")!.TextContent;
            Assert.Contains(titles[mine], outcome, StringComparison.Ordinal);
            Assert.All(titles.Where(t => t.Key != mine), other => Assert.DoesNotContain(other.Value, outcome, StringComparison.Ordinal));
            var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == fellow.Person.Email && m.Subject.StartsWith("Your project in")));
            Assert.Contains(titles[mine], mail.Body, StringComparison.Ordinal);
        }

        Assert.Contains($"{ada.Name} and {tomasz.Name}", (await b2.GetAsync("/portal/projects")).One("#my-project")!.TextContent, StringComparison.Ordinal);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).Where(x => x.StartsWith("project")).Distinct().ToListAsync());
        Assert.Equal(["project-assignment.published", "project-assignment.run", "project-ranking.fellow-saved", "project-ranking.saved", "project.approved", "project.pitched"],
            actions.Order(StringComparer.Ordinal));
    }
}

public sealed class ProjectCycleOnSqlite(SqliteApp app) : ProjectCycleTests(app), IClassFixture<SqliteApp>;

public sealed class ProjectCycleOnPostgres(PostgresApp app) : ProjectCycleTests(app), IClassFixture<PostgresApp>;
