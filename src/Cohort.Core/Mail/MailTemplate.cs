using System.Text.RegularExpressions;

namespace Cohort.Core.Mail;

/// <summary>
/// A plain-text template with merge fields written <c>{{name}}</c>. Only the known fields are allowed, so a typo
/// (<c>{{nmae}}</c>) is caught before anything is sent rather than mailed to thousands as a blank.
/// </summary>
public static partial class MailTemplate
{
    public static readonly IReadOnlyList<string> Fields = ["name", "stage", "stream", "deadline", "link"];

    /// <summary>What each field stands for, written so a sentence around it reads right (the composer shows these).</summary>
    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        ["name"] = "the applicant's name",
        ["stage"] = "the stage's name, such as “General application” or “Assessments”: write “your {{stage}}”, not “your {{stage}} application”",
        ["stream"] = "the stream's name, at stage 3 (empty before)",
        ["deadline"] = "the stage's closing date and time, with its zone: “31 January 2027 at 12:00 UTC”",
        ["link"] = "the address of the applicant's portal",
    };

    /// <summary>What is wrong with <paramref name="template"/>, each problem in words; empty when it can be rendered.</summary>
    public static IReadOnlyList<string> Check(string template)
    {
        var problems = Placeholder().Matches(template)
            .Select(m => m.Groups["field"].Value)
            .Where(field => !Fields.Contains(field))
            .Distinct()
            .Select(field => $"“{{{{{field}}}}}” is not a merge field; the known ones are {Known}.")
            .ToList();
        var rest = Placeholder().Replace(template, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
        {
            problems.Add($"A merge field is not written as {{{{field}}}}; the known ones are {Known}.");
        }

        return problems;
    }

    /// <summary>The template with each merge field replaced by its value; fields without a value become empty.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.GetValueOrDefault(m.Groups["field"].Value, ""));

    /// <summary>
    /// Where a field's value and the word written next to it say the same word twice, each in words: "your {{stage}}
    /// application" with the stage "General application" reads "General application application", and "by {{deadline}}
    /// UTC" repeats the zone the deadline already names.
    /// </summary>
    public static IEnumerable<string> Repeats(string template, IReadOnlyDictionary<string, string> values)
    {
        foreach (System.Text.RegularExpressions.Match match in Placeholder().Matches(template))
        {
            var field = match.Groups["field"].Value;
            var value = values.GetValueOrDefault(field, "");
            var next = NextWord().Match(template, match.Index + match.Length);
            if (next.Success && LastWord().Match(value) is { Success: true } last && string.Equals(last.Value, next.Groups["word"].Value, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"“{match.Value} {next.Groups["word"].Value}” reads “{value} {next.Groups["word"].Value}”: {match.Value} already ends with “{last.Value}”.";
            }

            var before = template[..match.Index];
            if (PreviousWord().Match(before) is { Success: true } previous && FirstWord().Match(value) is { Success: true } first
                && string.Equals(previous.Groups["word"].Value, first.Value, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"“{previous.Groups["word"].Value} {match.Value}” reads “{previous.Groups["word"].Value} {value}”: {match.Value} already starts with “{first.Value}”.";
            }
        }
    }

    private static string Known => string.Join(", ", Fields.Select(f => $"{{{{{f}}}}}"));

    [GeneratedRegex(@"\{\{\s*(?<field>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\G[ \t]+(?<word>\w+)")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"(?<word>\w+)[ \t]+$")]
    private static partial Regex PreviousWord();

    [GeneratedRegex(@"\w+(?=\W*$)")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"\w+")]
    private static partial Regex FirstWord();
}
