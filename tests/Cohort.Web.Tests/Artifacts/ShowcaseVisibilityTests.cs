using System.Globalization;
using Cohort.Core.Artifacts;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Artifacts;

/// <summary>
/// Only a public artifact (not a draft, shown by its authors' choice, confirmed by a mentor) reaches any public surface:
/// the showcase list, the artifact's page with or without its slug, its BibTeX, its PDF and the feed.
/// </summary>
public abstract class ShowcaseVisibilityTests(ArtifactsApp app)
{
    private readonly ArtifactsData data = new(app);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What each public surface gives an anonymous visitor for the artifact: the list and feed say whether it is there, the others their status.</summary>
    private async Task<string> PublicFootprintAsync(int id, string title)
    {
        using var visitor = app.NewBrowser();
        var list = await visitor.GetAsync("/showcase");
        var feed = await visitor.Client.GetStringAsync("/showcase/feed");
        var statuses = new List<int>();
        foreach (var url in new[] { $"/showcase/{Id(id)}", $"/showcase/{Id(id)}/any-slug", $"/showcase/{Id(id)}.bib", $"/showcase/{Id(id)}.pdf" })
        {
            using var response = await visitor.Client.GetAsync(url);
            statuses.Add((int)response.StatusCode);
        }

        return $"list:{list.Text.Contains(title, StringComparison.Ordinal)} feed:{feed.Contains(title, StringComparison.Ordinal)} {string.Join(",", statuses)}";
    }

    [Fact]
    public async Task A_draft_an_unconfirmed_and_a_private_artifact_never_appear_on_the_showcase_its_pages_files_or_feed()
    {
        var fellow = await data.FellowAsync();
        ArtifactInput WithPdf(ArtifactInput input) => input with { Pdf = new PdfUpload("paper.pdf", new MemoryStream(ArtifactsData.Pdf())) };
        var draft = await data.RecordAsync(fellow, i => WithPdf(i) with { Title = "Draft on the way", State = ArtifactState.Draft });
        var unconfirmed = await data.RecordAsync(fellow, i => WithPdf(i) with { Title = "Awaiting a mentor" });
        var hidden = await data.RecordAsync(fellow, i => WithPdf(i) with { Title = "Confirmed but private", ShowPublicly = false });
        await data.ConfirmAsync(hidden);
        var shown = await data.RecordAsync(fellow, i => WithPdf(i) with { Title = "Confirmed and public" });
        await data.ConfirmAsync(shown);

        Assert.Equal("list:False feed:False 404,404,404,404", await PublicFootprintAsync(draft, "Draft on the way"));
        Assert.Equal("list:False feed:False 404,404,404,404", await PublicFootprintAsync(unconfirmed, "Awaiting a mentor"));
        Assert.Equal("list:False feed:False 404,404,404,404", await PublicFootprintAsync(hidden, "Confirmed but private"));
        Assert.Equal("list:True feed:True 200,200,200,200", await PublicFootprintAsync(shown, "Confirmed and public"));
    }

    [Fact]
    public async Task A_fellow_records_a_paper_a_mentor_confirms_it_and_an_edit_of_its_content_takes_it_off_until_confirmed_again()
    {
        var fellow = await data.FellowAsync();
        using var browser = await data.StreamsStage.SignInAsync(fellow.Person);
        var form = await browser.GetAsync("/portal/artifacts/new");
        var recorded = await browser.SubmitAsync(form, "#artifact-form", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ArtifactKind.Paper), ["Input.Title"] = "Monitors that read diffs", ["Input.Abstract"] = "What the monitor saw.",
            ["Input.Arxiv"] = "arXiv:2601.01234v2", ["Input.Doi"] = "https://doi.org/10.5555/cohort.test.1", ["Input.State"] = nameof(ArtifactState.Submitted),
            ["Input.Authors[1].Name"] = "Ilse Marwick",
        });
        Assert.Equal(200, recorded.Status);
        Assert.Contains("“Monitors that read diffs” was recorded.", recorded.Text, StringComparison.Ordinal);
        var id = int.Parse(recorded.One("[data-artifact]")!.GetAttribute("data-artifact")!, CultureInfo.InvariantCulture);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Artifacts.Single(a => a.Id == id)));
        Assert.Equal(("2601.01234", "10.5555/cohort.test.1"), (stored.ArxivId, stored.Doi));
        Assert.Equal("list:False feed:False 404,404,404,404", await PublicFootprintAsync(id, "Monitors that read diffs"));

        using var mentor = await app.AsAsync(Core.Accounts.Roles.Mentor);
        var awaiting = await mentor.GetAsync("/mentor/artifacts");
        var confirmed = await mentor.SubmitAsync(awaiting, $"#awaiting [data-artifact='{Id(id)}'] form", new Dictionary<string, string>());
        Assert.Contains("The artifact is confirmed.", confirmed.Text, StringComparison.Ordinal);
        Assert.Equal("list:True feed:True 200,200,200,404", await PublicFootprintAsync(id, "Monitors that read diffs"));
        var mail = await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Where(m => m.Subject.EndsWith("Monitors that read diffs")).OrderBy(m => m.Id)
            .Select(m => $"{m.To}: {m.Subject}").ToList()));
        Assert.Equal([$"{Cohort.Demo.DemoSeason.CoalitionMentor.Email}: To confirm: Monitors that read diffs", $"{fellow.Person.Email}: Confirmed: Monitors that read diffs"], mail);

        var edit = await browser.GetAsync($"/portal/artifacts/{Id(id)}/edit");
        Assert.NotNull(edit.One("#confirmed-note"));
        await browser.SubmitAsync(edit, "#artifact-form", new Dictionary<string, string> { ["Input.Title"] = "Monitors that read diffs, revised" });
        Assert.Equal("list:False feed:False 404,404,404,404", await PublicFootprintAsync(id, "Monitors that read diffs"));
        Assert.Contains("Monitors that read diffs, revised", (await mentor.GetAsync("/mentor/artifacts")).One("#awaiting")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_of_another_stream_cannot_confirm_and_a_draft_cannot_be_confirmed_with_nothing_written()
    {
        var fellow = await data.FellowAsync();
        var submitted = await data.RecordAsync(fellow);
        var draft = await data.RecordAsync(fellow, i => i with { State = ArtifactState.Draft });
        using var other = await data.StreamsStage.SignInAsync(await data.StreamsStage.NewMentorOfAsync(Web.Tests.StreamApplications.StreamsStageData.Internals));
        using var mentor = await app.AsAsync(Core.Accounts.Roles.Mentor);
        var before = await data.StateAsync();

        var otherPage = await other.GetAsync("/mentor/artifacts");
        Assert.DoesNotContain($"data-artifact=\"{Id(submitted)}\"", otherPage.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var refusals = new List<string>();
        foreach (var (browser, id) in new[] { (other, submitted), (mentor, draft) })
        {
            var page = await browser.GetAsync("/mentor/artifacts");
            var token = page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var response = await browser.Client.PostAsync($"/mentor/artifacts?handler=Confirm&id={Id(id)}&version=1",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            refusals.Add((await Browser.ReadAsync(response, "/mentor/artifacts")).One(".problem")!.TextContent);
        }

        Assert.Equal([ConfirmArtifact.NoSuchArtifact, ConfirmArtifact.IsDraft], refusals);
        Assert.Equal(before, await data.StateAsync());
    }
}

public sealed class ShowcaseVisibilityOnSqlite(SqliteArtifactsApp app) : ShowcaseVisibilityTests(app), IClassFixture<SqliteArtifactsApp>;

public sealed class ShowcaseVisibilityOnPostgres(PostgresArtifactsApp app) : ShowcaseVisibilityTests(app), IClassFixture<PostgresArtifactsApp>;
