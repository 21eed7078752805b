using System.Text.RegularExpressions;
using Cohort.Core.Applications;

namespace Cohort.Core.Review;

/// <summary>
/// Takes identity out of free text a reviewer reads: web addresses, email addresses, the applicant's name, and the
/// words of the applicant's own flagged answers (their organisation, their date of birth, a phone number), each as
/// the season's blind settings ask. Applicants write "see my site", sign off with their name or mention their lab;
/// the settings would mean little if only the fields named for them were hidden.
/// </summary>
public sealed partial class BlindRedaction
{
    public const string LinkHidden = "[link hidden]";
    public const string EmailHidden = "[email hidden]";
    public const string NameHidden = "[name hidden]";
    public const string ContactHidden = "[contact hidden]";
    public const string OrganisationHidden = "[organisation hidden]";
    public const string DateOfBirthHidden = "[date of birth hidden]";

    /// <summary>Name parts and answers shorter than this ("Li", "de", "UK") are left alone: hiding them would blank ordinary words.</summary>
    private const int ShortestPart = 3;

    private readonly BlindSettings settings;
    private readonly Regex? name;
    private readonly IReadOnlyList<(Regex Pattern, string Placeholder)> phrases;

    /// <summary>
    /// The whole name is matched in any case; each part only as capitalised in the name, so "Will" is hidden and
    /// "I will" is not. <paramref name="flaggedAnswers"/> are the applicant's answers to flagged questions: a name
    /// answer adds to the name, and every other one is hidden wherever it appears whole, in any case.
    /// </summary>
    public BlindRedaction(BlindSettings settings, string applicantName, IEnumerable<(IdentityFlag Flag, string Value)>? flaggedAnswers = null)
    {
        this.settings = settings;
        var flagged = (flaggedAnswers ?? []).Where(a => settings.Hides(a.Flag)).Select(a => (a.Flag, Value: a.Value.Trim())).ToList();
        var names = flagged.Where(a => a.Flag == IdentityFlag.Name).Select(a => a.Value).Prepend(applicantName.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var parts = names.SelectMany(n => n.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= ShortestPart)
            .Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).Select(Regex.Escape);
        var alternatives = names.Select(n => $"(?i:{Regex.Escape(n)})").Concat(parts).ToList();
        name = settings.HideName && alternatives.Count > 0 ? Whole(string.Join('|', alternatives), RegexOptions.None) : null;
        phrases = flagged.Where(a => a.Flag != IdentityFlag.Name && a.Value.Length >= ShortestPart)
            .GroupBy(a => a.Flag)
            .Select(g => (Whole(string.Join('|', g.Select(a => a.Value).Distinct().OrderByDescending(v => v.Length).Select(Regex.Escape)), RegexOptions.IgnoreCase), Placeholder(g.Key)))
            .ToList();
    }

    public string Apply(string text)
    {
        if (settings.HideContact)
        {
            text = EmailAddress().Replace(text, EmailHidden);
        }

        if (settings.HideUrls)
        {
            text = WebAddress().Replace(text, LinkHidden);
        }

        foreach (var (pattern, placeholder) in phrases)
        {
            text = pattern.Replace(text, placeholder);
        }

        return name is null ? text : name.Replace(text, NameHidden);
    }

    /// <summary>What stands in for a hidden answer flagged <paramref name="flag"/>, in its place or in free text.</summary>
    public static string Placeholder(IdentityFlag flag) => flag switch
    {
        IdentityFlag.Name => NameHidden,
        IdentityFlag.Contact => ContactHidden,
        IdentityFlag.Organisation => OrganisationHidden,
        IdentityFlag.DateOfBirth => DateOfBirthHidden,
        IdentityFlag.Link => LinkHidden,
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "An answer flagged None is never hidden for what it says."),
    };

    private static Regex Whole(string alternatives, RegexOptions options) =>
        new($@"(?<!\w)(?:{alternatives})(?!\w)", options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // Bare domains ("example.org/me") count too: a reviewer can type them in as easily as a link.
    [GeneratedRegex(@"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|edu|uk|me|xyz|app|page|site)(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();
}
