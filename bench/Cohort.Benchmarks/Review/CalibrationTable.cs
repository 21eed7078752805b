using System.Diagnostics;
using Cohort.Core.Review;
using Cohort.Tests.Shared.Calibration;

namespace Cohort.Benchmarks.Review;

/// <summary>
/// The issue's table: for each nesting, with equal and with unequal clusters, over <c>seeds</c> seasons of 2,500
/// applicants and 100 reviewers, Kendall τ and top-120 precision of the raw means and of the calibration (given each
/// applicant's topic), the seeds where calibration's τ beats raw's, the share of the true cluster differences kept,
/// and the fit's time.
/// </summary>
public static class CalibrationTable
{
    public static int Run(int seeds)
    {
        Console.WriteLine("| nesting | clusters | raw τ | calibrated τ | τ better in | raw top-120 | calibrated top-120 | cluster difference kept (raw / calibrated) | fit (median) | warned | without topics: τ, top-120, kept |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var nesting in Enum.GetValues<Nesting>())
        {
            foreach (var stronger in new[] { false, true })
            {
                Row(nesting, stronger, seeds);
            }
        }

        return 0;
    }

    private static void Row(Nesting nesting, bool stronger, int seeds)
    {
        var runs = Enumerable.Range(1, seeds).Select(seed =>
        {
            var panel = TopicalPanel.Generate(seed, nesting, stronger);
            var clock = Stopwatch.StartNew();
            var fit = Calibration.Fit(panel.Reviews, panel.Topics);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var blind = Calibration.Fit(panel.Reviews);
            var withoutTopics = Enumerable.Range(0, panel.Quality.Length).Select(s => blind.Subjects[s].Calibrated).ToArray();
            var raw = Enumerable.Range(0, panel.Quality.Length).Select(s => fit.Subjects[s].RawMean).ToArray();
            var calibrated = Enumerable.Range(0, panel.Quality.Length).Select(s => fit.Subjects[s].Calibrated).ToArray();
            return (RawTau: panel.Tau(raw), Tau: panel.Tau(calibrated), RawTop: panel.TopPrecision(raw), Top: panel.TopPrecision(calibrated),
                RawKept: stronger ? panel.ClusterDifferenceKept(raw) : double.NaN, Kept: stronger ? panel.ClusterDifferenceKept(calibrated) : double.NaN,
                Milliseconds: elapsed, Warned: fit.Diagnostics.Warnings.Count > 0,
                BlindTau: panel.Tau(withoutTopics), BlindTop: panel.TopPrecision(withoutTopics), BlindKept: stronger ? panel.ClusterDifferenceKept(withoutTopics) : double.NaN);
        }).ToList();
        var kept = stronger ? $"{runs.Average(r => r.RawKept):P0} / {runs.Average(r => r.Kept):P0}" : "—";
        var median = runs.Select(r => r.Milliseconds).Order().ElementAt(runs.Count / 2);
        Console.WriteLine($"| {nesting} | {(stronger ? "unequal" : "equal")} | {runs.Average(r => r.RawTau):0.000} | {runs.Average(r => r.Tau):0.000} | " +
            $"{runs.Count(r => r.Tau > r.RawTau)} of {runs.Count} | {runs.Average(r => r.RawTop):0.000} | {runs.Average(r => r.Top):0.000} | {kept} | {median:0} ms | {runs.Count(r => r.Warned)} of {runs.Count} | " +
            $"{runs.Average(r => r.BlindTau):0.000}, {runs.Average(r => r.BlindTop):0.000}, {(stronger ? runs.Average(r => r.BlindKept).ToString("P0") : "—")} |");
    }
}
