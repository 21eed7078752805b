using Cohort.Core.Assessments;
using Cohort.Core.Review;
using Cohort.Tests.Shared.Calibration;

namespace Cohort.Core.Tests.Review;

/// <summary>Calibration on simulated panels whose true quality and reviewer leniency are planted, so the fit can be judged.</summary>
public sealed class CalibrationTests
{
    /// <summary>A simulated panel: each subject's true quality, each reviewer's planted leniency, and the reviews.</summary>
    private sealed record Panel(double[] Quality, double[] Leniency, List<ReviewScore> Reviews);

    /// <summary>
    /// <paramref name="subjects"/> applicants of quality N(5, 1.5), reviewers of leniency N(0, <paramref name="leniencySpread"/>),
    /// each applicant read by <paramref name="perSubject"/> distinct random reviewers with noise N(0, 0.8), scores kept on 0–10.
    /// </summary>
    private static Panel Simulate(int seed, int subjects = 300, int reviewers = 30, int perSubject = 3, double leniencySpread = 1.5)
    {
        var random = new Random(seed);
        double Normal(double sd) => TopicalPanel.Gaussian(random, sd);
        var quality = Enumerable.Range(0, subjects).Select(_ => 5 + Normal(1.5)).ToArray();
        var leniency = Enumerable.Range(0, reviewers).Select(_ => Normal(leniencySpread)).ToArray();
        var reviews = new List<ReviewScore>();
        for (var s = 0; s < subjects; s++)
        {
            foreach (var r in Enumerable.Range(0, reviewers).OrderBy(_ => random.Next()).Take(perSubject))
            {
                reviews.Add(new ReviewScore(s, $"reviewer-{r}", Math.Clamp(quality[s] + leniency[r] + Normal(0.8), 0, 10)));
            }
        }

        return new Panel(quality, leniency, reviews);
    }

    private static double Tau(IReadOnlyList<double> first, IReadOnlyList<double> second) => KendallTau.Between(first, second)!.Value;

    private static double[] Column(CalibrationResult fit, int subjects, Func<SubjectScore, double> value) =>
        Enumerable.Range(0, subjects).Select(s => value(fit.Subjects[s])).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_calibrated_order_is_closer_to_the_truth_than_the_raw_means(int seed)
    {
        var panel = Simulate(seed);

        var fit = Calibration.Fit(panel.Reviews);

        var raw = Tau(panel.Quality, Column(fit, panel.Quality.Length, s => s.RawMean));
        var calibrated = Tau(panel.Quality, Column(fit, panel.Quality.Length, s => s.Calibrated));
        Assert.True(calibrated > raw, $"seed {seed}: calibrated τ {calibrated:0.000} is not above raw τ {raw:0.000}");
    }

    [Fact]
    public void The_fitted_leniency_follows_the_planted_one()
    {
        var panel = Simulate(7);

        var fit = Calibration.Fit(panel.Reviews);

        var fitted = Enumerable.Range(0, panel.Leniency.Length).Select(r => fit.Leniency[$"reviewer-{r}"]).ToArray();
        Assert.True(Tau(panel.Leniency, fitted) > 0.7);
    }

    [Fact]
    public void The_variances_are_estimated_from_the_reviews_near_the_planted_ones()
    {
        // Planted: applicants' quality sd 1.5, reviewers' leniency sd 1.5, noise sd 0.8; 30 reviewers make the
        // reviewers' variance the least certain of the three.
        var fit = Calibration.Fit(Simulate(19, subjects: 600, reviewers: 30, perSubject: 4).Reviews);

        Assert.InRange(fit.Variances.Applicant, 1.8, 2.7);
        Assert.InRange(fit.Variances.Reviewer, 1.0, 4.0);
        Assert.InRange(fit.Variances.Residual, 0.45, 0.8);
        Assert.Null(fit.Variances.Topic);
    }

    [Fact]
    public void The_standard_error_shrinks_as_subjects_get_more_reviews()
    {
        var three = Calibration.Fit(Simulate(11, perSubject: 3).Reviews);
        var six = Calibration.Fit(Simulate(11, perSubject: 6).Reviews);

        Assert.True(six.Subjects.Values.Average(s => s.StandardError) < three.Subjects.Values.Average(s => s.StandardError));
        Assert.All(six.Subjects.Values, s => Assert.Equal(6, s.ReviewCount));
    }

    [Fact]
    public void Within_one_panel_a_subject_read_more_often_has_the_smaller_error()
    {
        var reviews = Simulate(13, subjects: 60, reviewers: 12, perSubject: 2).Reviews;
        reviews.AddRange(Enumerable.Range(0, 12).Where(r => !reviews.Any(x => x.Subject == 0 && x.Reviewer == $"reviewer-{r}"))
            .Take(4).Select(r => new ReviewScore(0, $"reviewer-{r}", 6)));

        var fit = Calibration.Fit(reviews);

        Assert.Equal(6, fit.Subjects[0].ReviewCount);
        Assert.True(fit.Subjects[0].StandardError < fit.Subjects.Values.Where(s => s.Subject != 0).Min(s => s.StandardError));
    }

    /// <summary>
    /// Henderson's mixed-model equations written out in full for one component (the mean, every subject, every reviewer)
    /// with the fitted variances, and inverted as they are: C = W′W + diag(0, σe²/σa² …, σe²/σr² …), where W holds a
    /// review's indicators. The leniency is the reviewer's entry of C⁻¹W′y and its standard error √(σe² · C⁻¹ of the
    /// reviewer) (Henderson 1975), which the fit computes from the subjects eliminated instead.
    /// </summary>
    [Fact]
    public void A_reviewers_leniency_and_its_standard_error_are_those_of_the_full_mixed_model_equations()
    {
        var reviews = Simulate(23, subjects: 40, reviewers: 6, perSubject: 2).Reviews;
        var fit = Calibration.Fit(reviews);
        Assert.Single(fit.Diagnostics.Components);
        var reviewers = reviews.Select(r => r.Reviewer).Distinct().Order(StringComparer.Ordinal).ToList();
        var subjects = reviews.Select(r => r.Subject).Distinct().Order().ToList();
        var size = 1 + subjects.Count + reviewers.Count;
        var c = new double[size, size];
        var right = new double[size];
        foreach (var review in reviews)
        {
            int[] columns = [0, 1 + subjects.IndexOf(review.Subject), 1 + subjects.Count + reviewers.IndexOf(review.Reviewer)];
            foreach (var p in columns)
            {
                right[p] += review.Score;
                foreach (var q in columns)
                {
                    c[p, q]++;
                }
            }
        }

        for (var j = 1; j < size; j++)
        {
            c[j, j] += fit.Variances.Residual / (j <= subjects.Count ? fit.Variances.Applicant : fit.Variances.Reviewer);
        }

        var inverse = GaussJordanInverse(c);
        for (var r = 0; r < reviewers.Count; r++)
        {
            var column = 1 + subjects.Count + r;
            var leniency = Enumerable.Range(0, size).Sum(q => inverse[column, q] * right[q]);
            Assert.Equal(leniency, fit.Leniency[reviewers[r]], 6);
            Assert.Equal(Math.Sqrt(fit.Variances.Residual * inverse[column, column]), fit.LeniencyStandardError[reviewers[r]], 6);
        }
    }

    [Fact]
    public void A_reviewers_leniency_is_surer_once_they_have_read_more()
    {
        var reviews = Simulate(29, subjects: 100, reviewers: 10, perSubject: 2).Reviews;
        var before = Calibration.Fit(reviews).LeniencyStandardError["reviewer-0"];
        var read = reviews.Where(r => r.Reviewer == "reviewer-0").Select(r => r.Subject).ToHashSet();
        reviews.AddRange(Enumerable.Range(0, 100).Where(s => !read.Contains(s)).Take(30)
            .Select(s => new ReviewScore(s, "reviewer-0", reviews.Where(r => r.Subject == s).Average(r => r.Score))));

        var after = Calibration.Fit(reviews).LeniencyStandardError["reviewer-0"];

        Assert.True(after < before, $"the standard error went from {before:0.000} to {after:0.000}");
    }

    private static double[,] GaussJordanInverse(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var work = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                work[i, j] = matrix[i, j];
            }

            work[i, n + i] = 1;
        }

        for (var pivot = 0; pivot < n; pivot++)
        {
            var best = Enumerable.Range(pivot, n - pivot).MaxBy(i => Math.Abs(work[i, pivot]));
            for (var j = 0; j < 2 * n; j++)
            {
                (work[pivot, j], work[best, j]) = (work[best, j], work[pivot, j]);
            }

            var scale = work[pivot, pivot];
            for (var j = 0; j < 2 * n; j++)
            {
                work[pivot, j] /= scale;
            }

            for (var i = 0; i < n; i++)
            {
                var factor = work[i, pivot];
                if (i != pivot && factor != 0)
                {
                    for (var j = 0; j < 2 * n; j++)
                    {
                        work[i, j] -= factor * work[pivot, j];
                    }
                }
            }
        }

        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                inverse[i, j] = work[i, n + j];
            }
        }

        return inverse;
    }

    [Fact]
    public void Without_reviewer_effects_the_calibrated_order_is_about_the_raw_order()
    {
        var panel = Simulate(17, leniencySpread: 0);

        var fit = Calibration.Fit(panel.Reviews);

        Assert.True(Tau(Column(fit, panel.Quality.Length, s => s.RawMean), Column(fit, panel.Quality.Length, s => s.Calibrated)) > 0.9);
        Assert.All(fit.Leniency.Values, l => Assert.InRange(l, -0.5, 0.5));
    }

    [Fact]
    public void Flags_a_subject_whose_reviews_disagree_by_more_than_the_threshold()
    {
        var calm = Enumerable.Range(0, 6).SelectMany(s => new[] { new ReviewScore(s, "a", 5 + (s % 3)), new ReviewScore(s, "b", 5 + (s % 3)) });
        List<ReviewScore> reviews = [.. calm, new(100, "a", 5 - Calibration.DisagreementThreshold), new(100, "b", 5 + Calibration.DisagreementThreshold), new(101, "a", 6), new(101, "b", 7)];

        var fit = Calibration.Fit(reviews);

        Assert.True(fit.Subjects[100].Disagreement);
        Assert.False(fit.Subjects[101].Disagreement);
    }

    [Theory]
    [InlineData("one review")]
    [InlineData("every score the same")]
    [InlineData("each subject read once by its own reviewer")]
    [InlineData("one subject, many reviewers")]
    public void Degenerate_reviews_still_give_finite_scores_errors_and_variances(string shape)
    {
        List<ReviewScore> reviews = shape switch
        {
            "one review" => [new(1, "a", 7)],
            "every score the same" => [.. Enumerable.Range(0, 20).SelectMany(s => new ReviewScore[] { new(s, "a", 5), new(s, "b", 5) })],
            "each subject read once by its own reviewer" => [.. Enumerable.Range(0, 12).Select(s => new ReviewScore(s, $"r{s}", s % 10))],
            _ => [.. Enumerable.Range(0, 6).Select(r => new ReviewScore(1, $"r{r}", 3 + r))],
        };

        var fit = Calibration.Fit(reviews);

        Assert.All(fit.Subjects.Values, s => Assert.True(double.IsFinite(s.Calibrated) && double.IsFinite(s.StandardError), $"{shape}: {s}"));
        Assert.All(new[] { fit.Variances.Applicant, fit.Variances.Reviewer, fit.Variances.Residual }, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.Equal(reviews.Select(r => r.Subject).Distinct().Count(), fit.Subjects.Count);
    }

    [Fact]
    public void No_reviews_fit_to_nothing() => Assert.Empty(Calibration.Fit([]).Subjects);
}
