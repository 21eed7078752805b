namespace Cohort.Web.Pages.Account;

/// <summary>Recovery codes as Identity makes them: ten of them, each like <c>7K2QD-M9XRT</c>, each working once.</summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>Accepts a code typed without its dash or in lower case.</summary>
    public static string Normalise(string typed)
    {
        var code = typed.Trim().ToUpperInvariant();
        return code.Length == 10 && !code.Contains('-') ? $"{code[..5]}-{code[5..]}" : code;
    }
}
