using System.Xml.Linq;

namespace Cohort.Core.Artifacts;

/// <summary>
/// The showcase as an Atom 1.0 feed (RFC 4287): one entry a public artifact, every address absolute from the public
/// origin (<paramref name="link"/> in <see cref="Of"/>), never from the request, so a forged Host header cannot put
/// another site's links in it.
/// </summary>
public static class ShowcaseFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="artifacts">Public artifacts only (<see cref="Showcase.Public"/>).</param>
    /// <param name="link">The absolute address of an app path.</param>
    /// <param name="title">The feed's title, which names the programme.</param>
    /// <param name="now">The feed's updated time when it has no entry yet.</param>
    public static XDocument Of(IReadOnlyList<ArtifactView> artifacts, Func<string, string> link, string title, DateTime now)
    {
        var updated = artifacts.Count == 0 ? now : artifacts.Max(Updated);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", link("/showcase")),
            new XElement(Atom + "title", title),
            new XElement(Atom + "subtitle", "Papers, evaluation suites, tooling and reports by the fellows, confirmed by their mentors."),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", title), new XElement(Atom + "uri", link("/"))),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", link("/showcase/feed"))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", link("/showcase"))),
            artifacts.Select(a => Entry(a, link)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    private static XElement Entry(ArtifactView artifact, Func<string, string> link)
    {
        var page = link($"/showcase/{artifact.Id}");
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", page),
            new XElement(Atom + "title", artifact.Title),
            new XElement(Atom + "updated", Stamp(Updated(artifact))),
            new XElement(Atom + "published", Stamp(artifact.CitedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))),
            artifact.Authors.Select(a => new XElement(Atom + "author", new XElement(Atom + "name", a.Name))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", page)),
            artifact.PdfFileId is null ? null
                : new XElement(Atom + "link", new XAttribute("rel", "enclosure"), new XAttribute("type", "application/pdf"), new XAttribute("href", link($"/showcase/{artifact.Id}.pdf"))),
            new XElement(Atom + "category", new XAttribute("term", ArtifactWords.Slug(artifact.Kind)), new XAttribute("label", ArtifactWords.Kind(artifact.Kind))),
            new XElement(Atom + "summary", new XAttribute("type", "text"), artifact.Abstract.Length > 0 ? artifact.Abstract : artifact.Title));
    }

    /// <summary>An entry changes for readers when its content changes or when it is (re)confirmed.</summary>
    private static DateTime Updated(ArtifactView artifact) =>
        artifact.ConfirmedAt is { } confirmed && confirmed > artifact.UpdatedAt ? confirmed : artifact.UpdatedAt;

    private static string Stamp(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
