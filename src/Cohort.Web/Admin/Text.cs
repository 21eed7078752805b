namespace Cohort.Web.Admin;

public static class Text
{
    /// <summary>Cuts long text (a FAQ question) to fit an audit subject or a notice.</summary>
    public static string Shorten(string text, int length = 60) =>
        text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
