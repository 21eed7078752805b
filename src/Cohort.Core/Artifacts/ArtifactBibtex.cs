using System.Globalization;
using System.Text;

namespace Cohort.Core.Artifacts;

/// <summary>
/// An artifact's BibTeX entry: the entry type follows the kind (a paper is an @article, a technical report a
/// @techreport, tooling @software, anything else @misc), and every value is escaped so a title with &amp;, %, braces or
/// a backslash compiles as written; DOIs and addresses, which styles print verbatim, are kept as they are.
/// </summary>
public static class ArtifactBibtex
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <param name="artifact">A public artifact.</param>
    /// <param name="address">Its absolute showcase address, the entry's url when it has no website or repository.</param>
    public static string Of(ArtifactView artifact, string address)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("author", string.Join(" and ", artifact.Authors.Select(a => Name(a.Name)))),
            ("title", "{" + Escape(artifact.Title) + "}"),
        };
        switch (artifact.Kind)
        {
            case ArtifactKind.Paper when artifact.ArxivId.Length > 0:
                fields.Add(("journal", "arXiv preprint arXiv:" + Escape(artifact.ArxivId)));
                break;
            case ArtifactKind.TechnicalReport:
                fields.Add(("institution", Escape(artifact.SeasonName)));
                break;
            case ArtifactKind.OpenSourceTooling when Licences.IsKnown(artifact.Licence) && artifact.Licence != Licences.Other:
                fields.Add(("license", Escape(artifact.Licence)));
                break;
        }

        fields.Add(("year", artifact.CitedOn.Year.ToString(CultureInfo.InvariantCulture)));
        if (artifact.PublishedOn is { } published)
        {
            fields.Add(("month", Months[published.Month - 1]));
        }

        if (artifact.Doi.Length > 0)
        {
            fields.Add(("doi", Verbatim(artifact.Doi)));
        }

        if (artifact.ArxivId.Length > 0)
        {
            fields.Add(("eprint", Verbatim(artifact.ArxivId)));
            fields.Add(("archiveprefix", "arXiv"));
        }

        fields.Add(("url", Verbatim(FirstOf(artifact.WebsiteUrl, artifact.RepositoryUrl, address))));
        fields.Add(("note", Escape($"{ArtifactWords.Kind(artifact.Kind)}, {artifact.StreamName}, {artifact.SeasonName}")));

        var text = new StringBuilder().Append('@').Append(EntryType(artifact.Kind)).Append('{').Append(Key(artifact)).Append(",\n");
        foreach (var (name, value) in fields.Where(f => f.Value.Length > 0))
        {
            // A month is a BibTeX macro, written bare; every other value goes in braces.
            text.Append("  ").Append(name).Append(" = ").Append(name == "month" ? value : "{" + value + "}").Append(",\n");
        }

        return text.Append("}\n").ToString();
    }

    public static string EntryType(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Paper => "article",
        ArtifactKind.TechnicalReport => "techreport",
        ArtifactKind.OpenSourceTooling => "software",
        _ => "misc",
    };

    /// <summary>The citation key: the first author's last name, the year and the title's first word, plus the id so keys never collide (<c>okafor2026sparse12</c>).</summary>
    public static string Key(ArtifactView artifact)
    {
        var family = artifact.Authors.Count > 0 ? artifact.Authors[0].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "" : "";
        var word = ArtifactViews.SlugOf(artifact.Title).Split('-').FirstOrDefault() ?? "";
        return Ascii(family) + artifact.CitedOn.Year.ToString(CultureInfo.InvariantCulture) + word + artifact.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes TeX's special characters; letters outside ASCII stay as they are (BibTeX and biber read UTF-8).</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// A DOI, identifier or address, which BibTeX styles print verbatim (an escaped underscore would print its
    /// backslash): left as it is, but for braces and backslashes, percent-encoded so the entry's braces stay balanced.
    /// </summary>
    public static string Verbatim(string value) => value.Replace("\\", "%5C").Replace("{", "%7B").Replace("}", "%7D");

    /// <summary>A name as BibTeX reads it: braced whole when it holds a comma or the word "and", which would split it.</summary>
    private static string Name(string name)
    {
        var escaped = Escape(name);
        return name.Contains(',', StringComparison.Ordinal) || name.Split(' ').Contains("and", StringComparer.OrdinalIgnoreCase) ? "{" + escaped + "}" : escaped;
    }

    private static string Ascii(string name) =>
        new string(name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());

    private static string FirstOf(params string[] values) => values.First(v => v.Length > 0);
}
