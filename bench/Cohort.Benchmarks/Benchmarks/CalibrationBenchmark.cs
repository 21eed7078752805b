using BenchmarkDotNet.Attributes;
using Cohort.Core.Review;

namespace Cohort.Benchmarks.Benchmarks;

/// <summary>
/// Calibration at the model's size: 2,500 applicants, 100 reviewers, 3 reviews each (7,500 reviews), from a fixed
/// seed. The fit is the score table's whole computation besides the queries.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmark
{
    private const int Applicants = 2_500;
    private const int Reviewers = 100;
    private const int ReviewsEach = 3;

    private List<ReviewScore> _reviews = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20270301);
        var leniency = Enumerable.Range(0, Reviewers).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        _reviews = [];
        for (var a = 0; a < Applicants; a++)
        {
            var quality = 2 + random.NextDouble() * 6;
            foreach (var r in Enumerable.Range(0, Reviewers).OrderBy(_ => random.Next()).Take(ReviewsEach))
            {
                _reviews.Add(new ReviewScore(a, $"reviewer-{r}", Math.Clamp(quality + leniency[r] + random.NextDouble() - 0.5, 0, 10)));
            }
        }
    }

    [Benchmark(Description = "Calibration.Fit, 2,500 applicants × 100 reviewers × 3 reviews")]
    public double Fit() => Calibration.Fit(_reviews).Variances.Residual;
}
