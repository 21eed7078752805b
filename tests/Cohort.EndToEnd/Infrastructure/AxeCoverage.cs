using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// Decides which page loads axe checks. axe took most of a page check's time (it injects and runs half a megabyte of
/// script), and journeys come back to the same pages many times: every person signs in on the same sign-in page, and
/// a portal or board is seen again after each step. axe's serious and critical rules are about markup (names, labels,
/// roles, landmarks, contrast of styled elements), which the same page with other text keeps, so a page is checked again only when it is a new kind of page at that viewport in this test run: a new address
/// template (numbers and ids in the path, and query values, left out) or a new set of element kinds on it (tag, role,
/// type, classes, hidden or not). A new form, banner, table or dialog on a page seen before is thus checked again;
/// the same page with other names in it is not. `COHORT_E2E_AXE_EVERY_PAGE=1` checks every load, as before.
/// </summary>
public static partial class AxeCoverage
{
    private static readonly bool EveryPage = Environment.GetEnvironmentVariable("COHORT_E2E_AXE_EVERY_PAGE") == "1";

    private static readonly ConcurrentDictionary<string, byte> Seen = new(StringComparer.Ordinal);

    /// <summary>True the first time this kind of page is seen at <paramref name="viewport"/> in the run (and then axe runs).</summary>
    public static bool FirstVisit(string url, Viewport viewport, IEnumerable<string> elementKinds)
    {
        if (EveryPage)
        {
            return true;
        }

        var kinds = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', elementKinds))));
        return Seen.TryAdd($"{viewport.Name} {Template(new Uri(url))} {kinds}", 0);
    }

    /// <summary>"/admin/rounds/12/assign?stream=evals" becomes "/admin/rounds/{id}/assign?stream".</summary>
    private static string Template(Uri url)
    {
        var path = IdSegment().Replace(url.AbsolutePath, "/{id}");
        var query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=')[0]).Order(StringComparer.Ordinal);
        return $"{path}?{string.Join('&', query)}";
    }

    // A number, a GUID or a long hexadecimal token (a confirmation or download token) as one path segment.
    [GeneratedRegex("/(?:[0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,})(?=/|$)")]
    private static partial Regex IdSegment();
}
