namespace Cohort.Core.Operations;

public enum Verdict
{
    Ok,
    Warning,
    Problem,
}

/// <summary>One line of `cohort doctor`: what was checked, what was found, and for a problem how to fix it.</summary>
public sealed record Finding(Verdict Verdict, string Check, string Detail, string? Fix = null);
