using System.Text.RegularExpressions;

namespace Cohort.Core.Artifacts;

/// <summary>
/// The syntax of an artifact's identifiers and links, each read the many ways people paste them and stored one way.
/// Only the form is checked: nothing is ever fetched, so a typo in a real-looking DOI goes unnoticed, but a link can
/// never make the server call out, and the check works offline.
/// </summary>
public static partial class ArtifactLinks
{
    /// <summary>
    /// An arXiv identifier as stored: a new-style <c>2601.01234</c> (four digits after the dot up to 2014, five since) or
    /// an old-style <c>hep-th/9901001</c>, without the <c>arXiv:</c> prefix, the abs/pdf address or the version, so two
    /// versions of one preprint are one identifier. Empty input is no identifier.
    /// </summary>
    public static (string Value, string? Problem) Arxiv(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            return ("", null);
        }

        var bare = ArxivPrefix().Replace(text, "");
        if (bare.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            bare = bare[..^4];
        }

        var match = ArxivNew().Match(bare);
        if (match.Success && int.Parse(match.Groups["month"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12)
        {
            var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            // Five-digit numbers began in January 2015 (1501.00001); before that they had four.
            if (match.Groups["number"].Length == (year >= 15 ? 5 : 4))
            {
                return (match.Groups["id"].Value, null);
            }
        }

        var old = ArxivOld().Match(bare);
        if (old.Success && int.Parse(old.Groups["month"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12)
        {
            return (old.Groups["id"].Value, null);
        }

        return ("", $"“{Shorten(text)}” is not an arXiv identifier: write it like 2601.01234 (a version such as v2 may follow) or hep-th/9901001.");
    }

    /// <summary>
    /// A DOI as stored: <c>10.</c>, a registrant code of four or more digits, a slash and a suffix without spaces, with
    /// any <c>https://doi.org/</c>, <c>dx.doi.org</c> or <c>doi:</c> in front taken off. Empty input is no DOI.
    /// </summary>
    public static (string Value, string? Problem) Doi(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            return ("", null);
        }

        var bare = DoiPrefix().Replace(text, "");
        return DoiSyntax().IsMatch(bare) && bare.Length <= Artifact.MaxIdentifierLength
            ? (bare, null)
            : ("", $"“{Shorten(text)}” is not a DOI: a DOI looks like 10.5555/example.2026.1 (10., a number of at least four digits, a slash, then the rest).");
    }

    /// <summary>An absolute http or https address, as typed; never fetched. Empty input is no link.</summary>
    public static (string Value, string? Problem) WebAddress(string? typed, string what)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            return ("", null);
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && !text.Any(char.IsWhiteSpace) && text.Length <= Artifact.MaxLinkLength
            ? (text, null)
            : ("", $"The {what} must be a full web address starting with https:// (or http://), such as https://example.org/project.");
    }

    /// <summary>The public address of an arXiv identifier.</summary>
    public static string ArxivAddress(string id) => $"https://arxiv.org/abs/{id}";

    /// <summary>The resolver address of a DOI.</summary>
    public static string DoiAddress(string doi) => $"https://doi.org/{doi}";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"^(?:arxiv:\s*|https?://(?:www\.)?(?:export\.)?arxiv\.org/(?:abs|pdf)/)", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivPrefix();

    [GeneratedRegex(@"^(?<id>(?<year>\d\d)(?<month>\d\d)\.(?<number>\d{4,5}))(?:v\d+)?$")]
    private static partial Regex ArxivNew();

    [GeneratedRegex(@"^(?<id>[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d\d(?<month>\d\d)\d{3})(?:v\d+)?$")]
    private static partial Regex ArxivOld();

    [GeneratedRegex(@"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", RegexOptions.IgnoreCase)]
    private static partial Regex DoiPrefix();

    [GeneratedRegex(@"^10\.\d{4,9}(?:\.\d+)*/[^\s{}\\]+$")]
    private static partial Regex DoiSyntax();
}
