namespace Cohort.Core.Analytics.Arrivals;

/// <summary>One season's submissions to a stage, with the stage's window (UTC).</summary>
/// <param name="Season">The season's name, as the chart's line is called.</param>
internal sealed record ArrivalsCurve(string Season, DateTime Opens, DateTime Deadline, IReadOnlyList<DateTime> Submitted);
