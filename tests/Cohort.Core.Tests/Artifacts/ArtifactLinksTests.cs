using Cohort.Core.Artifacts;

namespace Cohort.Core.Tests.Artifacts;

/// <summary>arXiv ids and DOIs are read the ways people paste them and stored one way; anything else is refused with an example.</summary>
public sealed class ArtifactLinksTests
{
    [Theory]
    [InlineData("2601.01234", "2601.01234")]
    [InlineData("2601.01234v2", "2601.01234")]
    [InlineData("arXiv:2601.01234", "2601.01234")]
    [InlineData(" arxiv: 2601.01234v12 ", "2601.01234")]
    [InlineData("https://arxiv.org/abs/2601.01234v3", "2601.01234")]
    [InlineData("https://arxiv.org/pdf/2601.01234.pdf", "2601.01234")]
    [InlineData("1412.6980", "1412.6980")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("math.GT/0309136v1", "math.GT/0309136")]
    [InlineData("", "")]
    public void An_arxiv_id_is_stored_without_prefix_or_version(string typed, string stored)
    {
        var (value, problem) = ArtifactLinks.Arxiv(typed);
        Assert.Null(problem);
        Assert.Equal(stored, value);
    }

    [Theory]
    [InlineData("2613.01234")]
    [InlineData("2601.1234")]
    [InlineData("1412.69801")]
    [InlineData("2601.01234v")]
    [InlineData("hep-th/9913001")]
    [InlineData("arXiv 2601.01234")]
    [InlineData("10.5555/not-arxiv")]
    public void A_malformed_arxiv_id_is_refused_with_an_example(string typed)
    {
        var (value, problem) = ArtifactLinks.Arxiv(typed);
        Assert.Equal("", value);
        Assert.Contains("2601.01234", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.5555/cohort.2026.7", "10.5555/cohort.2026.7")]
    [InlineData("https://doi.org/10.5555/ABC_1", "10.5555/ABC_1")]
    [InlineData("http://dx.doi.org/10.5555/x", "10.5555/x")]
    [InlineData("doi:10.1000.10/a(b)c", "10.1000.10/a(b)c")]
    [InlineData("DOI: 10.5555/x", "10.5555/x")]
    public void A_doi_is_stored_without_its_resolver(string typed, string stored)
    {
        var (value, problem) = ArtifactLinks.Doi(typed);
        Assert.Null(problem);
        Assert.Equal(stored, value);
    }

    [Theory]
    [InlineData("10.55/short")]
    [InlineData("10.5555")]
    [InlineData("10.5555/")]
    [InlineData("11.5555/x")]
    [InlineData("10.5555/with space")]
    [InlineData("10.5555/{brace}")]
    [InlineData("https://example.org/10.5555/x")]
    public void A_malformed_doi_is_refused_with_an_example(string typed)
    {
        var (value, problem) = ArtifactLinks.Doi(typed);
        Assert.Equal("", value);
        Assert.Contains("is not a DOI", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://git.example.org/repo", true)]
    [InlineData("http://example.org", true)]
    [InlineData("example.org/repo", false)]
    [InlineData("ftp://example.org/file", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://exa mple.org", false)]
    public void A_link_must_be_an_absolute_web_address(string typed, bool accepted)
    {
        var (value, problem) = ArtifactLinks.WebAddress(typed, "repository link");
        Assert.Equal(accepted, problem is null);
        Assert.Equal(accepted ? typed : "", value);
    }
}
