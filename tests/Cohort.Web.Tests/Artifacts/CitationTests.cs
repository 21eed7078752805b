using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using Cohort.Core.Artifacts;

namespace Cohort.Web.Tests.Artifacts;

/// <summary>What the showcase gives reference managers and feed readers: Highwire citation tags, BibTeX and Atom, every address from the public origin.</summary>
public abstract class CitationTests(ArtifactsApp app)
{
    private readonly ArtifactsData data = new(app);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A paper whose title, byline and identifiers need every kind of care: TeX's specials, a comma in a name, a DOI with an underscore.</summary>
    private async Task<int> HandMadeAsync()
    {
        var fellow = await data.FellowAsync();
        var id = await data.RecordAsync(fellow, i => i with
        {
            Title = "Probes & Monitors: 100% {Robust}_x", Arxiv = "arXiv:2601.01234v2", Doi = "https://doi.org/10.5555/Test_1",
            Authors = [AuthorChoice.Fellow(fellow.FellowshipId), AuthorChoice.Outsider("Ana María O'Neil, Jr.")],
            State = ArtifactState.Published, PublishedOn = new DateOnly(2027, 1, 15),
            Pdf = new PdfUpload("probes.pdf", new MemoryStream(ArtifactsData.Pdf())),
        });
        await data.ConfirmAsync(id);
        return id;
    }

    [Fact]
    public async Task The_bibtex_of_a_hand_made_paper_is_the_expected_entry_escaped()
    {
        var id = await HandMadeAsync();
        using var visitor = app.NewBrowser();

        using var response = await visitor.Client.GetAsync($"/showcase/{Id(id)}.bib");
        var bibtex = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"applicant2027probes{Id(id)}.bib", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(
            $$$"""
            @article{applicant2027probes{{{Id(id)}}},
              author = {Stage Three Applicant and {Ana María O'Neil, Jr.}},
              title = {{Probes \& Monitors: 100\% \{Robust\}\_x}},
              journal = {arXiv preprint arXiv:2601.01234},
              year = {2027},
              month = jan,
              doi = {10.5555/Test_1},
              eprint = {2601.01234},
              archiveprefix = {arXiv},
              url = {https://showcase.example.org/showcase/{{{Id(id)}}}},
              note = {paper, Control Coalition (Okafor, Wielgosz, Raghunathan, El-Sayed), Halyard Fellowship 2027},
            }

            """.ReplaceLineEndings("\n"), bibtex);
    }

    [Fact]
    public async Task The_artifact_page_carries_highwire_citation_tags_with_absolute_addresses_from_the_public_origin()
    {
        var id = await HandMadeAsync();
        using var visitor = app.NewBrowser();

        var page = await visitor.GetAsync($"/showcase/{Id(id)}");
        string Meta(string name) => page.One($"meta[name='{name}']")?.GetAttribute("content") ?? "missing";

        Assert.Equal("Probes & Monitors: 100% {Robust}_x", Meta("citation_title"));
        Assert.Equal(["Stage Three Applicant", "Ana María O'Neil, Jr."], page.All("meta[name='citation_author']").Select(m => m.GetAttribute("content")));
        Assert.Equal("2027/01/15", Meta("citation_publication_date"));
        Assert.Equal("10.5555/Test_1", Meta("citation_doi"));
        Assert.Equal("2601.01234", Meta("citation_arxiv_id"));
        Assert.Equal($"{ArtifactsApp.PublicOrigin}showcase/{Id(id)}.pdf", Meta("citation_pdf_url"));
        Assert.Equal($"{ArtifactsApp.PublicOrigin}showcase/{Id(id)}", page.One("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_feed_is_atom_with_an_entry_per_public_artifact_and_every_link_from_the_public_origin()
    {
        var id = await HandMadeAsync();
        using var visitor = app.NewBrowser();

        using var response = await visitor.Client.GetAsync("/showcase/feed");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var atom = new Atom10FeedFormatter();
        Assert.True(atom.CanRead(reader));
        atom.ReadFrom(reader);
        var feed = atom.Feed;

        Assert.Equal($"{ArtifactsApp.PublicOrigin}showcase", feed.Id);
        Assert.NotEqual(default, feed.LastUpdatedTime);
        Assert.NotEmpty(feed.Authors);
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == $"{ArtifactsApp.PublicOrigin}showcase");
        var entry = Assert.Single(feed.Items, i => i.Id == $"{ArtifactsApp.PublicOrigin}showcase/{Id(id)}");
        Assert.Equal("Probes & Monitors: 100% {Robust}_x", entry.Title.Text);
        Assert.Equal(["Stage Three Applicant", "Ana María O'Neil, Jr."], entry.Authors.Select(a => a.Name));
        Assert.Contains(entry.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == $"{ArtifactsApp.PublicOrigin}showcase/{Id(id)}");
        var every = feed.Links.Concat(feed.Items.SelectMany(i => i.Links)).Select(l => l.Uri.ToString()).ToList();
        Assert.All(every, link => Assert.StartsWith(ArtifactsApp.PublicOrigin, link, StringComparison.Ordinal));
        Assert.Equal(await app.WithDbAsync(db => Task.FromResult(Showcase.Public(db).Count())), feed.Items.Count());
    }
}

public sealed class CitationOnSqlite(SqliteArtifactsApp app) : CitationTests(app), IClassFixture<SqliteArtifactsApp>;

public sealed class CitationOnPostgres(PostgresArtifactsApp app) : CitationTests(app), IClassFixture<PostgresArtifactsApp>;
