using System.Net.Http.Headers;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Artifacts;

/// <summary>The artifact form refuses bad input field by field, with a clear message beside each, and writes nothing.</summary>
public abstract class ArtifactFormTests(ArtifactsApp app)
{
    private readonly ArtifactsData data = new(app);

    /// <summary>Posts the new-artifact form as a browser would, multipart, with <paramref name="fields"/> over a valid paper and an optional PDF.</summary>
    private static async Task<Browser.Page> PostAsync(Browser browser, Dictionary<string, string> fields, byte[]? pdf = null)
    {
        var form = await browser.GetAsync("/portal/artifacts/new");
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.Kind"] = "Paper", ["Input.Title"] = "A paper", ["Input.Licence"] = "CC-BY-4.0", ["Input.State"] = "Submitted", ["Input.ShowPublicly"] = "true",
            ["Input.Authors[0].Who"] = form.One("select[name='Input.Authors[0].Who'] option[selected]")!.GetAttribute("value")!,
        };
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }

        if (pdf is not null)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Input.Pdf", "paper.pdf");
        }

        return await browser.FollowAsync(await browser.Client.PostAsync("/portal/artifacts/new", content), "/portal/artifacts/new");
    }

    private static string ProblemOf(Browser.Page page, string field) => page.One($"#Input_{field}-problem")?.TextContent ?? $"no problem shown for {field}";

    [Fact]
    public async Task A_malformed_doi_a_bad_arxiv_id_a_link_that_is_no_address_and_no_title_are_refused_beside_their_fields_with_nothing_written()
    {
        using var browser = await data.StreamsStage.SignInAsync((await data.FellowAsync()).Person);
        var before = await data.StateAsync();

        var page = await PostAsync(browser, new()
        {
            ["Input.Title"] = " ", ["Input.Doi"] = "10.55/short-registrant", ["Input.Arxiv"] = "2613.01234", ["Input.RepositoryUrl"] = "git.example.org/repo",
            ["Input.WebsiteUrl"] = "javascript:alert(1)",
        });

        Assert.Equal(200, page.Status);
        Assert.Equal("Give the artifact a title.", ProblemOf(page, "Title"));
        Assert.StartsWith("“10.55/short-registrant” is not a DOI", ProblemOf(page, "Doi"), StringComparison.Ordinal);
        Assert.StartsWith("“2613.01234” is not an arXiv identifier", ProblemOf(page, "Arxiv"), StringComparison.Ordinal);
        Assert.StartsWith("The repository link must be a full web address", ProblemOf(page, "RepositoryUrl"), StringComparison.Ordinal);
        Assert.StartsWith("The website link must be a full web address", ProblemOf(page, "WebsiteUrl"), StringComparison.Ordinal);
        Assert.Equal("Nothing was saved", page.One("#problems-heading")!.TextContent);
        Assert.Equal(before, await data.StateAsync());
    }

    [Fact]
    public async Task A_pdf_over_the_limit_and_a_file_that_is_no_pdf_are_refused_with_nothing_written()
    {
        using var browser = await data.StreamsStage.SignInAsync((await data.FellowAsync()).Person);
        var before = await data.StateAsync();

        var tooLarge = await PostAsync(browser, [], ArtifactsData.Pdf((int)PdfContent.MaxBytes + 1));
        var notPdf = await PostAsync(browser, [], "MZ not a pdf"u8.ToArray());

        Assert.Equal("The PDF is over the 5 MB limit.", ProblemOf(tooLarge, "Pdf"));
        Assert.Equal(PdfContent.NotAPdf, ProblemOf(notPdf, "Pdf"));
        Assert.Equal(before, await data.StateAsync());
    }

    [Fact]
    public async Task Only_fellows_reach_the_form_and_only_the_artifacts_fellow_authors_edit_it()
    {
        var author = await data.FellowAsync();
        var coAuthor = await data.FellowAsync();
        var stranger = await data.FellowAsync();
        var id = await data.RecordAsync(author, i => i with { Authors = [Core.Artifacts.AuthorChoice.Fellow(author.FellowshipId), Core.Artifacts.AuthorChoice.Fellow(coAuthor.FellowshipId)] });
        using var applicant = await data.StreamsStage.SignInAsync(await data.StreamsStage.NewAsync());
        using var co = await data.StreamsStage.SignInAsync(coAuthor.Person);
        using var other = await data.StreamsStage.SignInAsync(stranger.Person);
        var edit = $"/portal/artifacts/{id}/edit";

        Assert.Equal(404, (await applicant.GetAsync("/portal/artifacts/new")).Status);
        Assert.Equal(404, (await applicant.GetAsync("/portal/artifacts")).Status);
        Assert.Equal(404, (await other.GetAsync(edit)).Status);
        Assert.DoesNotContain($"data-artifact=\"{id}\"", (await other.GetAsync("/portal/artifacts")).Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var saved = await co.SubmitAsync(await co.GetAsync(edit), "#artifact-form", new Dictionary<string, string> { ["Input.Abstract"] = "Edited by the co-author." });
        Assert.Contains("was saved.", saved.Text, StringComparison.Ordinal);
    }
}

public sealed class ArtifactFormOnSqlite(SqliteArtifactsApp app) : ArtifactFormTests(app), IClassFixture<SqliteArtifactsApp>;

public sealed class ArtifactFormOnPostgres(PostgresArtifactsApp app) : ArtifactFormTests(app), IClassFixture<PostgresArtifactsApp>;
