using Cohort.Core.Analytics.Charts;
using Cohort.Core.Analytics.Statistics;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>
/// How far calibration moved each subject of a stage's score table: its rank by the plain mean of its reviews against
/// its rank by calibrated score, for the top <see cref="Shown"/> by calibrated score (the end where a cutoff falls).
/// Subjects are labelled as the admin's score table labels them.
/// </summary>
internal static class CalibrationSlopeChart
{
    public const int Shown = 50;

    /// <param name="withStream">The table lists several streams' applications: each label names its stream too.</param>
    public static Chart Of(StageKind stage, ScoreTable table, bool withStream)
    {
        var scored = table.Rows.Where(r => r.Score is not null).ToList();
        var raw = Ranks.Descending(scored.Select(r => r.Score!.RawMean).ToList());
        var calibrated = Ranks.Descending(scored.Select(r => r.Score!.Calibrated).ToList());
        var top = Enumerable.Range(0, scored.Count).OrderBy(i => calibrated[i]).ThenBy(i => raw[i]).ThenBy(i => scored[i].Row.Id).Take(Shown)
            .Select(i => (Row: scored[i], Raw: raw[i], Calibrated: calibrated[i])).ToList();
        string Label(ScoreTableRow row) => withStream && stage == StageKind.Streams ? $"{row.Row.ApplicantName} ({row.Row.Stream})" : row.Row.ApplicantName;
        var subjects = StageWords.Subjects(stage);
        return new Chart($"slope-{StageKinds.Slug(stage)}", $"How calibration moved the top {Shown}, {subjects}",
            $"The top {top.Count} of {scored.Count} scored {subjects} by calibrated score: each line runs from the rank by the plain mean of the reviews (left) to the rank once each reviewer's leniency is taken out (right); tied scores share a rank. "
            + $"{top.Count(t => t.Raw != t.Calibrated)} of them changed rank.",
            new SlopeFigure("rank by raw mean", "rank calibrated", top.Select(t => new Slope(Label(t.Row), t.Raw, t.Calibrated)).ToList()),
            new ChartTable(["Applicant", "Raw mean", "Rank by raw mean", "Calibrated score", "Rank calibrated", "Places moved up"],
                top.Select(t => (IReadOnlyList<object?>)[Label(t.Row), t.Row.Score!.RawMean, t.Raw, t.Row.Score.Calibrated, t.Calibrated, t.Raw - t.Calibrated]).ToList()),
            top.Count == 0 ? $"No {subjects[..^1]} has a review yet." : null);
    }
}
