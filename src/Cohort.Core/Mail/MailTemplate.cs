using System.Text.RegularExpressions;

namespace Cohort.Core.Mail;

/// <summary>
/// A plain-text template with merge fields written <c>{{name}}</c>. Only the known fields are allowed, so a typo
/// (<c>{{nmae}}</c>) is caught before anything is sent rather than mailed to thousands as a blank.
/// </summary>
public static partial class MailTemplate
{
    public static readonly IReadOnlyList<string> Fields = ["name", "stage", "stream", "deadline", "link"];

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

    private static string Known => string.Join(", ", Fields.Select(f => $"{{{{{f}}}}}"));

    [GeneratedRegex(@"\{\{\s*(?<field>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
