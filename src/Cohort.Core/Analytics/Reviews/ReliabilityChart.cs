using Cohort.Core.Analytics.Charts;
using Cohort.Core.Analytics.Statistics;

namespace Cohort.Core.Analytics.Reviews;

/// <summary>
/// Each round's inter-rater reliability on the reviews' overall scores: Krippendorff's α (interval) as the headline,
/// the one-way ICC(1,1) and ICC(1,k) beside it (why both: <see cref="ReviewNotes"/>).
/// </summary>
internal static class ReliabilityChart
{
    public static Chart Of(IReadOnlyList<AnalysedRound> rounds, IReadOnlyList<AnalysedAssignment> assignments)
    {
        var reviewsOf = assignments.Where(a => a.Overall is not null).ToLookup(a => a.RoundId);
        var measured = rounds.Select(round =>
        {
            var subjects = reviewsOf[round.Id].GroupBy(a => a.SubjectId).Select(g => (IReadOnlyList<double>)g.Select(a => a.Overall!.Value).ToList()).ToList();
            return (Round: round, Reviews: reviewsOf[round.Id].Count(), ReadTwice: subjects.Count(s => s.Count >= 2),
                Alpha: Reliability.KrippendorffAlphaInterval(subjects), Icc: Reliability.OneWayIntraclass(subjects));
        }).ToList();
        var drawn = measured.Where(m => !double.IsNaN(m.Alpha) && m.Icc is not null).ToList();
        var figure = new BarFigure(drawn.Select(m => m.Round.Name).ToList(),
            [new Series("Krippendorff's α (interval)", drawn.Select(m => m.Alpha).ToList()), new Series("ICC(1,k)", drawn.Select(m => m.Icc!.Average).ToList())],
            "reliability (1: reviewers agree perfectly; 0: no better than chance)");
        var rows = measured.Select(m => (IReadOnlyList<object?>)
            [m.Round.Name, m.Reviews, m.ReadTwice, m.Alpha, m.Icc?.Single, m.Icc?.Average, m.Icc?.Reviews]).ToList();
        return new Chart("reliability", "Inter-rater reliability by round",
            "How far reviewers agree on the applications they share, round by round, on the reviews' overall scores: Krippendorff's α with the interval metric, "
            + "and the intraclass correlation ICC(1,k), the reliability of the mean of an application's k reviews. Rounds with fewer than two applications read twice are in the table only.",
            figure,
            new ChartTable(["Round", "Reviews", "Applications read twice or more", "Krippendorff's α (interval)", "ICC(1,1)", "ICC(1,k)", "k (reviews per application)"], rows),
            drawn.Count == 0 ? "No round has two applications read by two reviewers yet, so there is no agreement to measure." : null);
    }
}
