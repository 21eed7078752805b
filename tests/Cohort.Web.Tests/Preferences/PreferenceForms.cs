using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Preferences;

/// <summary>Fills a preferences form as a person without JavaScript would: typed rank numbers and ticked boxes.</summary>
internal static class PreferenceForms
{
    /// <summary>
    /// The fields that give <paramref name="ranks"/> (by stream application id) and clear every other rank and mark of
    /// the form, so preferences left by earlier tests in the same app do not mix in.
    /// </summary>
    public static Dictionary<string, string> Ranks(Browser.Page page, string form, IReadOnlyDictionary<int, string> ranks, params int[] notAcceptable)
    {
        var values = new Dictionary<string, string>();
        foreach (var row in page.All($"{form} tr[data-rank-row]"))
        {
            var id = int.Parse(row.GetAttribute("data-application")!, System.Globalization.CultureInfo.InvariantCulture);
            var rank = row.QuerySelector("input[data-rank]")!.GetAttribute("name")!;
            values[rank] = ranks.GetValueOrDefault(id, "");
            values[rank.Replace(".Position", ".NotAcceptable", StringComparison.Ordinal)] = notAcceptable.Contains(id) ? "true" : "false";
        }

        return values;
    }

    /// <summary>The field name prefix of the row of <paramref name="applicationId"/>, e.g. "Ranking[2]".</summary>
    public static string RowOf(Browser.Page page, string form, int applicationId) =>
        page.One($"{form} tr[data-application='{applicationId}'] input[data-rank]")!.GetAttribute("name")!.Replace(".Position", "", StringComparison.Ordinal);
}
