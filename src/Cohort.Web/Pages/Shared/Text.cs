namespace Cohort.Web.Pages.Shared;

public static class Text
{
    /// <summary>Cuts long text (a FAQ question) to fit an audit subject or a notice.</summary>
    public static string Shorten(string text, int length = 60) =>
        text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>A count with its noun in the right number: "1 message", "3 messages". Every page says counts this way.</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}
