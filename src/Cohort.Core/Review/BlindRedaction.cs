using System.Text.RegularExpressions;

namespace Cohort.Core.Review;

/// <summary>
/// Takes identity out of free text a reviewer reads: web addresses, email addresses and the applicant's name, each
/// as the season's blind settings ask. Applicants write "see my site" or sign off with their name; the settings
/// would mean little if only the fields named for them were hidden.
/// </summary>
public sealed partial class BlindRedaction
{
    public const string LinkHidden = "[link hidden]";
    public const string EmailHidden = "[email hidden]";
    public const string NameHidden = "[name hidden]";

    /// <summary>Name parts shorter than this ("Li", "de") are left alone: hiding them would blank ordinary words.</summary>
    private const int ShortestNamePart = 3;

    private readonly BlindSettings settings;
    private readonly Regex? name;

    /// <summary>
    /// The whole name is matched in any case; each part only as capitalised in the name, so "Will" is hidden and
    /// "I will" is not.
    /// </summary>
    public BlindRedaction(BlindSettings settings, string applicantName)
    {
        this.settings = settings;
        var whole = applicantName.Trim();
        var parts = whole.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= ShortestNamePart)
            .Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).Select(Regex.Escape).ToList();
        var alternatives = (whole.Length > 0 ? [$"(?i:{Regex.Escape(whole)})"] : new List<string>()).Concat(parts).ToList();
        name = settings.HideName && alternatives.Count > 0
            ? new Regex($@"(?<!\w)(?:{string.Join('|', alternatives)})(?!\w)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : null;
    }

    public string Apply(string text)
    {
        if (settings.HideEmail)
        {
            text = EmailAddress().Replace(text, EmailHidden);
        }

        if (settings.HideUrls)
        {
            text = WebAddress().Replace(text, LinkHidden);
        }

        return name is null ? text : name.Replace(text, NameHidden);
    }

    [GeneratedRegex(@"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // Bare domains ("example.org/me") count too: a reviewer can type them in as easily as a link.
    [GeneratedRegex(@"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|edu|uk|me|xyz|app|page|site)(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();
}
