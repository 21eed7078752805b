using System.Globalization;
using System.Text;

namespace Cohort.Cli.Tests.Review;

/// <summary>Review spreadsheets as `cohort calibrate` reads them, made from a known truth.</summary>
internal static class ReviewSheets
{
    /// <summary>The reviewer who scores everything two points above what it deserves.</summary>
    public const string Lenient = "lenient@example.org";

    public const int Items = 40;

    public static readonly string[] Reviewers = [.. Enumerable.Range(1, 7).Select(r => $"r{r}@example.org"), Lenient];

    /// <summary>
    /// <see cref="Items"/> papers of true quality N(5, 1.5²), each read by three of the eight <see cref="Reviewers"/>
    /// (so every reviewer reads about fifteen, and all are linked), scores with noise N(0, 0.5²), the
    /// <see cref="Lenient"/> reviewer's two points higher; times <paramref name="scale"/>. Papers 1–20 are in
    /// "theory", 21–40 in "systems", written in a topic column when <paramref name="withTopics"/>.
    /// </summary>
    public static string Panel(bool withTopics = false, double scale = 1)
    {
        var random = new Random(15);
        var text = new StringBuilder(withTopics ? "reviewer,item,score,topic\n" : "reviewer,item,score\n");
        for (var i = 0; i < Items; i++)
        {
            var quality = 5 + 1.5 * Normal(random);
            for (var k = 0; k < 3; k++)
            {
                // i, i + 3 and i + 6 are three different reviewers of eight.
                var reviewer = Reviewers[(i + 3 * k) % Reviewers.Length];
                var score = scale * (quality + (reviewer == Lenient ? 2 : 0) + 0.5 * Normal(random));
                text.Append(CultureInfo.InvariantCulture, $"{reviewer},paper-{i + 1},{score:0.###}");
                text.Append(withTopics ? (i < Items / 2 ? ",theory\n" : ",systems\n") : "\n");
            }
        }

        return text.ToString();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
