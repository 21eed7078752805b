namespace Cohort.Core.Data;

/// <summary>Text bound for a column of limited length (an error, an instance name): cut at the limit rather than refused.</summary>
public static class ColumnText
{
    public static string Fit(string text, int length) => text.Length <= length ? text : text[..length];
}
