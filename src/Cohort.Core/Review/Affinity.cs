using System.Text.RegularExpressions;

namespace Cohort.Core.Review;

/// <summary>
/// How well a reviewer fits an application, kept simple enough to explain on the page: 2 points per reviewer
/// interest naming one of the application's streams (by slug or name), plus 1 point per expertise tag found as a
/// whole word or phrase in the application's text answers, case-insensitively; at most <see cref="Max"/>.
/// </summary>
public static class Affinity
{
    public const int PerStream = 2;
    public const int PerTag = 1;
    public const int Max = 10;

    /// <summary>The affinity of a reviewer with <paramref name="interests"/> and <paramref name="expertise"/> for an application.</summary>
    public static int Of(IReadOnlyList<string> interests, IReadOnlyList<string> expertise, IReadOnlyList<StreamName> streams, string text)
    {
        var streamMatches = streams.Count(s => interests.Any(i =>
            string.Equals(i, s.Slug, StringComparison.OrdinalIgnoreCase) || string.Equals(i, s.Name, StringComparison.OrdinalIgnoreCase)));
        var tagMatches = expertise.Count(tag => ContainsWord(text, tag));
        return Math.Min(Max, PerStream * streamMatches + PerTag * tagMatches);
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> not as part of a longer word.</summary>
    public static bool ContainsWord(string text, string phrase) =>
        phrase.Length > 0 && Regex.IsMatch(text, WordRegex(phrase), WordOptions, WordTimeout);

    /// <summary>The pattern <see cref="ContainsWord"/> looks for, built once when one phrase is sought in many texts.</summary>
    public static Regex WordPattern(string phrase) => new(WordRegex(phrase), WordOptions, WordTimeout);

    private const RegexOptions WordOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly TimeSpan WordTimeout = TimeSpan.FromSeconds(1);

    private static string WordRegex(string phrase) => $@"(?<!\w){Regex.Escape(phrase)}(?!\w)";
}

/// <summary>A stream as affinities read it: its slug and its name.</summary>
public sealed record StreamName(string Slug, string Name);
