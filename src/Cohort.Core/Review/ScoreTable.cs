using Cohort.Core.Pipeline;

namespace Cohort.Core.Review;

/// <summary>
/// A stage's score table: its review rounds, the weighted parts of its composite, a row per submitted subject, and the
/// calibration of the chosen rounds' reviews with its variances and diagnostics. It is where an admin sets a cutoff
/// (<see cref="ScoreOrder"/>).
/// </summary>
public sealed record ScoreTable(PipelineView View, IReadOnlyList<ScoreTableRound> Rounds, IReadOnlyList<CompositePart> Parts, IReadOnlyList<ScoreTableRow> Rows,
    CalibrationResult Calibration)
{
    public bool HasComposite => Parts.Count > 0;
}

/// <summary>A review round of the stage as the score table lists it, with its counts and whether its reviews are used.</summary>
public sealed record ScoreTableRound(int Id, string Name, ReviewRoundState State, int? StreamId, int Assignments, int Reviews, int Declined, int Subjects, bool Chosen);

/// <summary>
/// One subject of the score table: its pipeline row, the calibration of the chosen rounds' reviews (null without any),
/// each composite part on 0–10 by part key, and the composite.
/// </summary>
public sealed record ScoreTableRow(PipelineRow Row, SubjectScore? Score, IReadOnlyDictionary<string, double?> Parts, CompositeScore Composite)
{
    /// <summary>What the table is ordered by and the cutoff applies to: the composite when the stage has weights, the calibrated score otherwise.</summary>
    public double? TableScore(bool hasComposite) => hasComposite ? Composite.Value : Score?.Calibrated;
}
