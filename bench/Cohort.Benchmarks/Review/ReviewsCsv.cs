using System.Globalization;
using Cohort.Tests.Shared.Calibration;

namespace Cohort.Benchmarks.Review;

/// <summary>
/// The review spreadsheet <c>cohort calibrate</c> is timed on (bench/run-calibrate.sh): one planted-truth season of the
/// calibration tests (<see cref="TopicalPanel"/>: 2,500 applicants in 12 clusters of unequal size and strength, 100
/// reviewers with loads from 10 to 120, 3 reviews each, 7,500 in all), mostly nested, as <c>reviewer,item,score,topic</c>.
/// </summary>
public static class ReviewsCsv
{
    public static int Write(string path, int seed)
    {
        var panel = TopicalPanel.Generate(seed, Nesting.MostlyNested, strongerClusters: true);
        using (var csv = new StreamWriter(path))
        {
            csv.WriteLine("reviewer,item,score,topic");
            foreach (var review in panel.Reviews)
            {
                csv.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{review.Reviewer},A-{review.Subject + 1:0000},{review.Score},{TopicalPanel.TopicName(panel.Cluster[review.Subject])}"));
            }
        }

        Console.WriteLine($"wrote {path}: {panel.Reviews.Count} reviews of {panel.Quality.Length} applicants by {panel.Loads.Length} reviewers");
        return 0;
    }
}
