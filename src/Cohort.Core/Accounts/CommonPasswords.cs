using System.Text;

namespace Cohort.Core.Accounts;

/// <summary>
/// Passwords an attacker tries first: the 30,000 most common passwords and the 30,000 most frequent English words,
/// both read from the frequency lists inside the zxcvbn-core package (MIT licence; see docs/security.md), and the
/// person's own name and address. A password is refused when it is one of those, or one of those dressed up with
/// capitals, digits or symbols around it, look-alike digits (p4ssw0rd) or repetition (cohortcohort).
/// </summary>
public static class CommonPasswords
{
    private static readonly string[] ListNames = ["passwords", "english"];
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    // The substitutions people make to "strengthen" a word; each maps to the letter it imitates.
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b', ['@'] = 'a', ['$'] = 's', ['!'] = 'i',
    };

    /// <summary>Words of this site every password check adds to the person's own.</summary>
    public static IReadOnlyList<string> SiteWords { get; } = ["cohort", "fellowship"];

    /// <summary>Whether <paramref name="password"/> is guessable from the lists or from <paramref name="personal"/> (name, email).</summary>
    public static bool IsGuessable(string password, IEnumerable<string?> personal)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Words.Value.Contains(lower))
        {
            return true;
        }

        // "Password1234!" and "!!cohort2027" are their word with decoration at the ends.
        var core = TrimDecoration(lower);
        var own = PersonalWords(personal);
        return Forms(core).Append(core).Any(form => IsRepeated(form, word => Words.Value.Contains(word) || own.Contains(word)));
    }

    /// <summary>True when <paramref name="text"/> is a known word written once or several times in a row.</summary>
    private static bool IsRepeated(string text, Func<string, bool> known)
    {
        for (var length = 1; length <= text.Length; length++)
        {
            if (text.Length % length == 0 && known(text[..length]) && text == string.Concat(Enumerable.Repeat(text[..length], text.Length / length)))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> PersonalWords(IEnumerable<string?> personal)
    {
        var words = new HashSet<string>(SiteWords, StringComparer.Ordinal);
        foreach (var text in personal.OfType<string>().Select(t => t.ToLowerInvariant()))
        {
            // "ada.okafor@example.org": the address whole, its local part, and each word of either.
            var parts = text.Split([' ', '.', '-', '_', '@', '+'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3);
            foreach (var part in parts.Append(text).Append(text.Split('@')[0]))
            {
                words.UnionWith(Forms(TrimDecoration(part)));
            }
        }

        return words;
    }

    /// <summary>The ways a word hides in a password: its letters alone, with look-alike digits read as letters or not.</summary>
    private static IEnumerable<string> Forms(string text) => new[] { Letters(text), Letters(Unleet(text)) }.Where(f => f.Length > 0).Distinct();

    private static string TrimDecoration(string text) => text.Trim(text.Where(c => !char.IsLetter(c)).Distinct().ToArray());

    private static string Unleet(string text) => string.Concat(text.Select(c => LookAlikes.GetValueOrDefault(c, c)));

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetter));

    private static HashSet<string> Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var assembly = typeof(Zxcvbn.Zxcvbn).Assembly;
        foreach (var list in ListNames)
        {
            var name = $"zxcvbn-core.Dictionaries.{list}.lst";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The common-password list {name} is missing from the zxcvbn-core package.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Trim() is { Length: > 0 } word)
                {
                    words.Add(word.ToLowerInvariant());
                }
            }
        }

        return words;
    }
}
