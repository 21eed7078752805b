namespace Cohort.Core.Review;

/// <summary>One part of a stage's composite as the score table reads it: "assessment:ID" or "round:ID", its name and weight.</summary>
public sealed record CompositePart(string Key, string Name, double Weight)
{
    private const string Assessment = "assessment:";
    private const string Round = "round:";

    public bool IsAssessment => Key.StartsWith(Assessment, StringComparison.Ordinal);

    /// <summary>The assessment's or the round's id.</summary>
    public int Id => int.Parse(Key[(Key.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public static string AssessmentKey(int assessmentId) => Assessment + assessmentId;

    public static string RoundKey(int roundId) => Round + roundId;
}

/// <summary>A subject's composite: the weighted mean of its parts, and whether a weighted part was missing.</summary>
public sealed record CompositeScore(double? Value, bool Incomplete);

/// <summary>
/// The composite stage score: the weighted mean of the parts a subject has (every part on 0–10). A missing part (no
/// reviews yet in that round, the assessment not handed in) does not count as 0, which would punish a reviewer's
/// delay; the weights are renormalised over the parts present and the subject is marked incomplete, so the admin
/// sees that the figure rests on less than the stage asks for.
/// </summary>
public static class Composite
{
    public static CompositeScore Of(IReadOnlyList<CompositePart> parts, IReadOnlyDictionary<string, double?> values)
    {
        var weighted = parts.Where(p => p.Weight > 0).ToList();
        var present = weighted.Where(p => values.GetValueOrDefault(p.Key) is not null).ToList();
        var total = present.Sum(p => p.Weight);
        return new CompositeScore(
            total == 0 ? null : present.Sum(p => p.Weight * values[p.Key]!.Value) / total,
            present.Count < weighted.Count);
    }

    /// <summary>An assessment's points on the 0–10 scale of the composite; null when the assessment carries no points.</summary>
    public static double? OnTenPoints(double points, double maxPoints) => maxPoints > 0 ? 10 * points / maxPoints : null;
}
