using Cohort.Core.Review;
using Cohort.Tests.Shared.Calibration;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// Calibration on seasons where reviewers stay in their topics and some topics are truly stronger
/// (<see cref="TopicalPanel"/>): the case where fixed penalties took strong topics for lenient panels.
/// </summary>
public sealed class CalibrationTopicsTests
{
    private const int Seeds = 10;

    private sealed record Run(TopicalPanel Panel, CalibrationResult Fit, double[] Raw, double[] Calibrated);

    private static Run Fitted(int seed, Nesting nesting, bool strongerClusters) => FittedWithTopics(TopicalPanel.Generate(seed, nesting, strongerClusters));

    private static Run FittedWithTopics(TopicalPanel panel)
    {
        var fit = Calibration.Fit(panel.Reviews, panel.Topics);
        return new Run(panel, fit, Column(panel, fit, s => s.RawMean), Column(panel, fit, s => s.Calibrated));
    }

    /// <summary>The first bound: calibrated τ beats raw's in at least 95% of seeds, and mean top-120 precision is at least raw's.</summary>
    private static void AssertCalibrationBeatsRaw(IReadOnlyList<Run> runs)
    {
        var better = runs.Count(r => r.Panel.Tau(r.Calibrated) > r.Panel.Tau(r.Raw));
        Assert.True(better >= 0.95 * runs.Count, $"calibrated τ beats raw in only {better} of {runs.Count} seeds");
        var (raw, calibrated) = (runs.Average(r => r.Panel.TopPrecision(r.Raw)), runs.Average(r => r.Panel.TopPrecision(r.Calibrated)));
        Assert.True(calibrated >= raw, $"mean top-120 precision {calibrated:0.000} is below raw's {raw:0.000}");
    }

    private static double[] Column(TopicalPanel panel, CalibrationResult fit, Func<SubjectScore, double> value) =>
        Enumerable.Range(0, panel.Quality.Length).Select(s => value(fit.Subjects[s])).ToArray();

    [Theory]
    [InlineData(Nesting.MostlyNested, true)]
    [InlineData(Nesting.ThinlyBridged, true)]
    [InlineData(Nesting.MostlyNested, false)]
    [InlineData(Nesting.ThinlyBridged, false)]
    public void Where_topics_are_bridged_calibration_beats_the_raw_means_in_every_seed_and_on_the_top_120(Nesting nesting, bool strongerClusters)
    {
        var runs = Enumerable.Range(1, Seeds).Select(seed => Fitted(seed, nesting, strongerClusters)).ToList();

        AssertCalibrationBeatsRaw(runs);
    }

    [Fact]
    public void Where_no_review_crosses_topics_it_warns_and_leaves_the_difference_between_topics_as_the_raw_means_put_it()
    {
        foreach (var seed in Enumerable.Range(1, Seeds))
        {
            var run = Fitted(seed, Nesting.StrictlyNested, strongerClusters: true);

            Assert.Equal(TopicalPanel.Clusters, run.Fit.Diagnostics.Components.Count);
            Assert.Contains(run.Fit.Diagnostics.Warnings, w => w.Contains($"{TopicalPanel.Clusters} groups that share no reviewer"));
            Assert.All(run.Fit.Diagnostics.Topics, t => Assert.False(t.Compared));
            // Each cluster is a component of its own, and nothing tells a lenient panel from a strong cluster: the fit puts
            // none of a panel's overall level into its reviewers (their leniencies average zero), so the component's mean
            // carries it and the difference between clusters is not removed.
            foreach (var cluster in Enumerable.Range(0, TopicalPanel.Clusters))
            {
                var panelists = run.Panel.Reviews.Where(r => run.Panel.Cluster[r.Subject] == cluster).Select(r => r.Reviewer).Distinct().ToList();
                Assert.Equal(0, panelists.Average(r => run.Fit.Leniency[r]), 1e-6);
            }

            Assert.True(run.Panel.ClusterDifferenceKept(run.Calibrated) > run.Panel.ClusterDifferenceKept(run.Raw) - 0.1, $"seed {seed}: calibration removed a difference between clusters");
        }
    }

    [Fact]
    public void Thin_bridges_draw_a_warning_that_names_how_little_crosses_and_a_bridging_share_near_the_planted_one()
    {
        var thin = Fitted(3, Nesting.ThinlyBridged, strongerClusters: true).Fit.Diagnostics;
        var mostly = Fitted(3, Nesting.MostlyNested, strongerClusters: true).Fit.Diagnostics;

        Assert.Single(thin.Components);
        Assert.Contains(thin.Warnings, w => w.StartsWith("Calibration between topics rests on too little", StringComparison.Ordinal));
        Assert.DoesNotContain(mostly.Warnings, w => w.StartsWith("Calibration between topics rests on too little", StringComparison.Ordinal));
        Assert.InRange(thin.BridgingShare!.Value, 0.02, 0.07);
        Assert.InRange(mostly.BridgingShare!.Value, 0.11, 0.2);
        Assert.True(thin.Topics.Average(t => t.StandardError!.Value) > mostly.Topics.Average(t => t.StandardError!.Value));
    }

    [Fact]
    public void The_topic_effects_follow_the_planted_strength_of_the_clusters()
    {
        var run = Fitted(5, Nesting.MostlyNested, strongerClusters: true);

        var truth = run.Fit.Diagnostics.Topics.Select(t => Enumerable.Range(0, run.Panel.Quality.Length)
            .Where(s => TopicalPanel.TopicName(run.Panel.Cluster[s]) == t.Topic).Average(s => run.Panel.Quality[s])).ToArray();
        var measured = run.Fit.Diagnostics.Topics.Select(t => t.Effect!.Value).ToArray();
        Assert.True(Cohort.Core.Assessments.KendallTau.Between(truth, measured) > 0.7);
    }

    [Fact]
    public void Without_topics_the_thinly_bridged_season_loses_most_of_the_cluster_differences_which_is_why_topics_are_given()
    {
        var panel = TopicalPanel.Generate(2, Nesting.ThinlyBridged, strongerClusters: true);

        var blind = Calibration.Fit(panel.Reviews);
        var informed = Calibration.Fit(panel.Reviews, panel.Topics);

        Assert.True(panel.ClusterDifferenceKept(Column(panel, informed, s => s.Calibrated)) > panel.ClusterDifferenceKept(Column(panel, blind, s => s.Calibrated)) + 0.2);
        Assert.Null(blind.Variances.Topic);
        Assert.NotNull(informed.Variances.Topic);
    }

    [Fact]
    public void With_the_bridging_share_on_the_solvers_assignment_feeds_a_calibration_that_beats_raw_even_when_clusters_differ()
    {
        var solves = Enumerable.Range(1, Seeds).Select(seed => SolverAssignment.Assign(seed, strongerClusters: true, sharePercent: 15)).ToList();
        var runs = solves.Select(solve => FittedWithTopics(solve.Panel)).ToList();

        Assert.All(solves, s => Assert.True(s.Cost.Applies && s.Cost.ShareReached >= 0.15, $"share reached {s.Cost.ShareReached:P1}"));
        Assert.All(runs, r => Assert.Single(r.Fit.Diagnostics.Components));
        AssertCalibrationBeatsRaw(runs);
    }

    [Fact]
    public void With_the_bridging_share_off_topical_affinities_give_separate_panels_and_the_diagnostic_says_so()
    {
        var (panel, cost) = SolverAssignment.Assign(4, strongerClusters: true, sharePercent: 0);

        var fit = Calibration.Fit(panel.Reviews, panel.Topics);

        Assert.False(cost.Applies);
        Assert.True(fit.Diagnostics.Components.Count > 1 || fit.Diagnostics.BridgingShare < 0.05);
        Assert.NotEmpty(fit.Diagnostics.Warnings);
    }
}
