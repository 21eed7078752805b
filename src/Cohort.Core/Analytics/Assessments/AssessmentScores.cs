using Cohort.Core.Assessments;

namespace Cohort.Core.Analytics.Assessments;

/// <summary>An item scored from its answer key, as the analysis reads it.</summary>
public sealed record ScoredItem(int Id, int Position, ItemKind Kind, int Points)
{
    /// <summary>The item's number as applicants and the audit log see it (positions count from 0).</summary>
    public int Number => Position + 1;

    public string KindName => Kind switch
    {
        ItemKind.MultipleChoice => "multiple choice",
        ItemKind.Numeric => "numeric",
        ItemKind.Ordering => "ordering",
        _ => Kind.ToString(),
    };
}

/// <summary>An attempt that has closed: handed in, or closed at its deadline.</summary>
public sealed record ClosedAttempt(int Id, int AssessmentId, DateTime StartedAt, DateTime ClosedAt, bool HandedIn)
{
    public double MinutesUsed => (ClosedAt - StartedAt).TotalMinutes;
}

/// <summary>
/// One assessment of the scope with what the analysis needs: its automatically scored items, its closed attempts and
/// each attempt's automatic points per item. <see cref="Name"/> is its title, with its slug when another assessment of
/// the scope has the same title (two tracks may each have a "Research taste").
/// </summary>
public sealed record AssessmentScores(
    int Id, string Name, string Slug, int TimeLimitMinutes, IReadOnlyList<ScoredItem> Items, IReadOnlyList<ClosedAttempt> Attempts,
    IReadOnlyDictionary<(int Attempt, int Item), double> Points)
{
    /// <summary>
    /// One row per closed attempt, one column per item in <see cref="Items"/>' order: the points the attempt scored. An
    /// item left unanswered has no stored points and scores 0, as <see cref="Attempt.Close"/> counts it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Matrix() =>
        Attempts.Select(a => (IReadOnlyList<double>)Items.Select(i => Points.GetValueOrDefault((a.Id, i.Id))).ToList()).ToList();
}
