using Cohort.Core.Analytics.Statistics;

namespace Cohort.Core.Analytics.Assessments;

/// <summary>
/// The classical statistics of one automatically scored item over the closed attempts at its assessment.
/// <see cref="Discrimination"/> and its 95% interval are NaN when undefined (a lone item, or nothing varies).
/// </summary>
public sealed record ItemStatistics(
    string Assessment, ScoredItem Item, int Attempts, double Difficulty, double Discrimination, double Low, double High)
{
    /// <summary>The item first, so a chart that shortens a long label keeps which item it is.</summary>
    public string Label => $"Item {Item.Number}: {Assessment}";

    /// <summary>Those who did well on the rest of the test did worse on this item: its key may be wrong, or it is ambiguous.</summary>
    public bool NegativeDiscrimination => Discrimination < 0;

    /// <summary>The statistics of every item of <paramref name="assessment"/>, in its items' order.</summary>
    public static IReadOnlyList<ItemStatistics> Of(AssessmentScores assessment)
    {
        var matrix = assessment.Matrix();
        return assessment.Items.Select((item, column) =>
        {
            var discrimination = ItemAnalysis.RestCorrelation(matrix, column);
            var (low, high) = ItemAnalysis.CorrelationInterval(discrimination, matrix.Count);
            var difficulty = ItemAnalysis.Difficulty(matrix.Select(row => row[column]).ToList(), item.Points);
            return new ItemStatistics(assessment.Name, item, matrix.Count, difficulty, discrimination, low, high);
        }).ToList();
    }
}
