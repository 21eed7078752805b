using System.Globalization;

namespace Cohort.Core.Assessments;

/// <summary>Scores the answers that need no reviewer: multiple choice, numeric and ordering items.</summary>
public static class AutoScoring
{
    public static double Score(AssessmentItem item, string? answer)
    {
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            return 0;
        }

        return item.Kind switch
        {
            ItemKind.MultipleChoice => string.Equals(text, item.AnswerKey.Trim(), StringComparison.Ordinal) ? item.Points : 0,
            ItemKind.Numeric => ParseNumber(text) is { } given && ParseNumber(item.AnswerKey) is { } key && Math.Abs(given - key) <= item.Tolerance + 1e-9
                ? item.Points
                : 0,
            ItemKind.Ordering => OrderingScore(item, answer!), // untrimmed: a blank first line means the first option has no place
            _ => 0,
        };
    }

    /// <summary>points × (τ+1)/2, so a perfect order earns every point, a reversed one none, and a random guess half on average.</summary>
    private static double OrderingScore(AssessmentItem item, string text)
    {
        var options = item.Choices;
        var given = PlacesGiven(text, options.Count);
        if (given.All(r => r is null))
        {
            return 0;
        }

        // An option left without a place counts as tied for last: partly ordered answers still earn what they got right.
        var applicant = given.Select(r => r ?? options.Count + 1.0).ToList();
        var key = options.Select(o => (double)item.KeyOrder.ToList().IndexOf(o)).ToList();
        return KendallTau.Between(key, applicant) is { } tau ? Math.Round(item.Points * (tau + 1) / 2, 2) : 0;
    }

    /// <summary>The place the applicant gave each option (1 = first), in the options' order; null where none or no valid place was given.</summary>
    public static IReadOnlyList<int?> PlacesGiven(string text, int optionCount)
    {
        var lines = text.Split('\n');
        return Enumerable.Range(0, optionCount)
            .Select(i => i < lines.Length && int.TryParse(lines[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var place) && place >= 1 && place <= optionCount
                ? place
                : (int?)null)
            .ToList();
    }

    public static double? ParseNumber(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
