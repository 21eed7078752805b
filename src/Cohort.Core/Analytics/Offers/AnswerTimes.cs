namespace Cohort.Core.Analytics.Offers;

/// <summary>
/// How long applicants took to answer an offer, in bins that fit an answer window of days to a couple of weeks: the
/// first day in two parts, then day by day to three, then a week, two, and longer.
/// </summary>
public static class AnswerTimes
{
    private static readonly (string Label, TimeSpan Below)[] Bins =
    [
        ("under 6 hours", TimeSpan.FromHours(6)),
        ("6 to 24 hours", TimeSpan.FromDays(1)),
        ("1 to 2 days", TimeSpan.FromDays(2)),
        ("2 to 3 days", TimeSpan.FromDays(3)),
        ("3 to 7 days", TimeSpan.FromDays(7)),
        ("1 to 2 weeks", TimeSpan.FromDays(14)),
        ("2 weeks or more", TimeSpan.MaxValue),
    ];

    public static IReadOnlyList<string> Labels { get; } = Bins.Select(b => b.Label).ToList();

    /// <summary>The index in <see cref="Labels"/> of the bin a time to answer falls in (a bin holds its lower bound, not its upper).</summary>
    public static int Bin(TimeSpan taken) => Array.FindIndex(Bins, b => taken < b.Below);
}
