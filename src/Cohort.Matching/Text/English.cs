namespace Cohort.Matching.Text;

/// <summary>Small helpers for the plain-English sentences of explanations and diagnoses.</summary>
public static class English
{
    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd, ...</summary>
    public static string Ordinal(int n)
    {
        int lastTwo = n % 100;
        string suffix = (lastTwo is >= 11 and <= 13) ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n + suffix;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Like <see cref="List"/>, but long lists name the first few and count the rest.</summary>
    public static string ShortList(IReadOnlyList<string> items, int shown = 8)
    {
        if (items.Count <= shown)
        {
            return List(items);
        }

        return string.Join(", ", items.Take(shown)) + $" and {items.Count - shown} more";
    }

    /// <summary>"1 place", "2 places".</summary>
    public static string Count(long n, string singular, string plural) => n == 1 ? $"1 {singular}" : $"{n} {plural}";
}
