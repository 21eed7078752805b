namespace Cohort.Web.Hosting;

/// <summary>
/// Which link addresses Cohort lets authors publish: http, https, mailto, and relative addresses. The scheme is
/// read the way a browser's URL parser reads it (leading and trailing control characters and spaces ignored, tabs
/// and line breaks removed anywhere), so <c>java&#9;script:</c> or <c> JaVaScRiPt:</c> are seen for what they are.
/// </summary>
public static class LinkSchemes
{
    private static readonly string[] Allowed = ["http", "https", "mailto"];
    private static readonly char[] ControlsAndSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();

    public static bool IsAllowed(string? url)
    {
        var scheme = SchemeOf(url ?? "");
        return scheme is null || Allowed.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The scheme a browser would see, or null for a relative address.</summary>
    public static string? SchemeOf(string url)
    {
        var cleaned = new string(url.Trim(ControlsAndSpace).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1)
        {
            return null;
        }

        var scheme = cleaned[..colon];
        // Anything else before the first colon (a slash, a question mark, a letter outside ASCII) makes the
        // address a relative path to the browser, such as "streams/a:b".
        return char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            ? scheme
            : null;
    }
}
