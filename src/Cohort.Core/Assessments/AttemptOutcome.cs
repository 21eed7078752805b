namespace Cohort.Core.Assessments;

/// <summary>Why one answer was not saved, keyed by its item so a page can show it beside the field.</summary>
public sealed record ItemProblem(int ItemId, string Message);

/// <summary>What a use case on an attempt left behind: the attempt as it now stands, or why nothing was done.</summary>
public sealed record AttemptOutcome(Attempt? Attempt, string? Refusal, IReadOnlyList<ItemProblem> Problems)
{
    public static AttemptOutcome Refused(string why, Attempt? attempt = null) => new(attempt, why, []);
}
