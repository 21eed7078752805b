using Cohort.Core.Assessments;
using Cohort.Core.Review;

namespace Cohort.Tests.Shared.Calibration;

/// <summary>How reviewers keep to their topics: the share of each reviewer's reviews given outside their home cluster.</summary>
public enum Nesting
{
    /// <summary>About 15% of each reviewer's reviews go to other clusters.</summary>
    MostlyNested,

    /// <summary>About 4% of reviews cross clusters: a few bridges.</summary>
    ThinlyBridged,

    /// <summary>No review crosses: each cluster has its own panel, and the graph falls apart into one component per cluster.</summary>
    StrictlyNested,
}

/// <summary>
/// A season whose truth is planted, harder than independent random panels: applicants in 12 topic clusters of unequal
/// size and, when <c>strongerClusters</c>, unequal strength (cluster means N(0, 0.8) on the latent scale, against an
/// applicant spread of 1); 100 reviewers with loads from 10 to 120, each with a home cluster; leniency N(0, 0.8) and
/// scale U(0.6, 1.4) per reviewer; scores on a 1–5 rubric rescaled to 0–10, as the demo's are. Each applicant gets
/// <see cref="ReviewsEach"/> distinct reviewers, from their cluster's panel except for the nesting's share of reviews.
/// </summary>
public sealed record TopicalPanel(double[] Quality, int[] Cluster, int[] ReviewerHome, int[] Loads, List<ReviewScore> Reviews)
{
    public const int ReviewsEach = 3;

    public const int Clusters = 12;

    public static string TopicName(int cluster) => $"topic-{cluster:00}";

    public static string ReviewerName(int reviewer) => $"reviewer-{reviewer:000}";

    /// <summary>Each applicant's topic, as calibration takes it.</summary>
    public IReadOnlyDictionary<int, string> Topics => Enumerable.Range(0, Quality.Length).ToDictionary(s => s, s => TopicName(Cluster[s]));

    public static double BridgeShare(Nesting nesting) => nesting switch
    {
        Nesting.MostlyNested => 0.15,
        Nesting.ThinlyBridged => 0.04,
        _ => 0,
    };

    /// <summary>Draws the season's applicants, clusters and reviewers, and the reviews of an assignment of the given nesting.</summary>
    public static TopicalPanel Generate(int seed, Nesting nesting, bool strongerClusters, int applicants = 2_500, int reviewers = 100)
    {
        var season = Season.Draw(seed, strongerClusters, applicants, reviewers);
        var random = new Random(seed * 7919 + (int)nesting);
        var panels = Enumerable.Range(0, Clusters).Select(c => Enumerable.Range(0, reviewers).Where(r => season.Home[r] == c).ToArray()).ToArray();
        var pairs = new List<(int Subject, int Reviewer)>();
        for (var s = 0; s < applicants; s++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < ReviewsEach)
            {
                var crossing = random.NextDouble() < BridgeShare(nesting);
                var candidates = crossing ? Enumerable.Range(0, reviewers).Where(r => season.Home[r] != season.Cluster[s]).ToArray() : panels[season.Cluster[s]];
                chosen.Add(ByLoad(candidates.Where(r => !chosen.Contains(r)).ToArray(), season.Loads, random));
            }

            pairs.AddRange(chosen.Select(r => (s, r)));
        }

        return season.Reviewed(pairs, seed);
    }

    /// <summary>The same season's applicants and reviewers, reviewed by the pairs an assignment chose.</summary>
    public static TopicalPanel Assigned(int seed, bool strongerClusters, Func<Season, IReadOnlyList<(int Subject, int Reviewer)>> assign,
        int applicants = 2_500, int reviewers = 100)
    {
        var season = Season.Draw(seed, strongerClusters, applicants, reviewers);
        return season.Reviewed(assign(season), seed);
    }

    private static int ByLoad(int[] candidates, int[] loads, Random random)
    {
        var ticket = random.NextDouble() * candidates.Sum(r => loads[r]);
        foreach (var r in candidates)
        {
            ticket -= loads[r];
            if (ticket <= 0)
            {
                return r;
            }
        }

        return candidates[^1];
    }

    /// <summary>Kendall τ of the truth against <paramref name="scores"/>, one per applicant.</summary>
    public double Tau(IReadOnlyList<double> scores) => KendallTau.Between(Quality, scores)!.Value;

    /// <summary>The share of the truly best <paramref name="cut"/> applicants that <paramref name="scores"/> put in their best <paramref name="cut"/>.</summary>
    public double TopPrecision(IReadOnlyList<double> scores, int cut = 120)
    {
        var truth = Enumerable.Range(0, Quality.Length).OrderByDescending(s => Quality[s]).Take(cut).ToHashSet();
        return Enumerable.Range(0, scores.Count).OrderByDescending(s => scores[s]).Take(cut).Count(truth.Contains) / (double)cut;
    }

    /// <summary>
    /// How much of the true difference between clusters <paramref name="scores"/> keep: the slope of the clusters'
    /// mean score on their true mean quality (1: all of it; 0: none).
    /// </summary>
    public double ClusterDifferenceKept(IReadOnlyList<double> scores)
    {
        var means = Enumerable.Range(0, Clusters).Where(c => Cluster.Contains(c))
            .Select(c => (Truth: Enumerable.Range(0, Quality.Length).Where(s => Cluster[s] == c).Average(s => Quality[s]),
                Score: Enumerable.Range(0, Quality.Length).Where(s => Cluster[s] == c).Average(s => scores[s]))).ToList();
        var (truthMean, scoreMean) = (means.Average(m => m.Truth), means.Average(m => m.Score));
        var covariance = means.Sum(m => (m.Truth - truthMean) * (m.Score - scoreMean));
        var variance = means.Sum(m => (m.Truth - truthMean) * (m.Truth - truthMean));
        return covariance / variance / ScorePerQuality;
    }

    /// <summary>A draw from N(0, sd²) by the Box–Muller transform.</summary>
    public static double Gaussian(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Points on the 0–10 scale per unit of latent quality, for an average reviewer (before rounding).</summary>
    private const double ScorePerQuality = 2.5;

    /// <summary>The drawn applicants and reviewers, before any review.</summary>
    public sealed record Season(double[] Quality, int[] Cluster, int[] Home, int[] Loads, double[] Leniency, double[] Scale)
    {
        public static Season Draw(int seed, bool strongerClusters, int applicants, int reviewers)
        {
            var random = new Random(seed);
            double Normal(double sd) => Gaussian(random, sd);
            // Unequal sizes: weights from 1 to 4, so the largest cluster is several times the smallest.
            var weights = Enumerable.Range(0, Clusters).Select(_ => 1 + 3 * random.NextDouble()).ToArray();
            var cluster = Enumerable.Range(0, applicants).Select(_ => Pick(weights, random)).ToArray();
            var strength = Enumerable.Range(0, Clusters).Select(_ => strongerClusters ? Normal(0.8) : 0).ToArray();
            var quality = cluster.Select(c => strength[c] + Normal(1)).ToArray();

            var loads = Enumerable.Range(0, reviewers).Select(_ => random.Next(10, 121)).ToArray();
            var home = HomeClusters(cluster, loads, random);
            var leniency = Enumerable.Range(0, reviewers).Select(_ => Normal(0.8)).ToArray();
            var scale = Enumerable.Range(0, reviewers).Select(_ => 0.6 + 0.8 * random.NextDouble()).ToArray();
            return new Season(quality, cluster, home, loads, leniency, scale);
        }

        /// <summary>Three reviewers per cluster first, so every panel can give three distinct reviews; the rest to the cluster with the largest unmet demand.</summary>
        private static int[] HomeClusters(int[] cluster, int[] loads, Random random)
        {
            var demand = Enumerable.Range(0, Clusters).Select(c => (double)cluster.Count(x => x == c) * ReviewsEach).ToArray();
            var home = new int[loads.Length];
            var order = Enumerable.Range(0, loads.Length).OrderBy(_ => random.Next()).ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                var c = i < 3 * Clusters ? i % Clusters : Enumerable.Range(0, Clusters).MaxBy(x => demand[x]);
                home[order[i]] = c;
                demand[c] -= loads[order[i]];
            }

            return home;
        }

        private static int Pick(double[] weights, Random random)
        {
            var ticket = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                ticket -= weights[i];
                if (ticket <= 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        /// <summary>The reviews of the chosen pairs: the reviewer's leniency and scale on the latent scale, noise N(0, 0.5), rounded to the 1–5 rubric.</summary>
        public TopicalPanel Reviewed(IReadOnlyList<(int Subject, int Reviewer)> pairs, int seed)
        {
            var random = new Random(seed * 104729 + pairs.Count);
            double Normal(double sd) => Gaussian(random, sd);
            var reviews = pairs.Select(p =>
            {
                var latent = 3 + Scale[p.Reviewer] * Quality[p.Subject] + Leniency[p.Reviewer] + Normal(0.5);
                var rubric = Math.Clamp(Math.Round(latent), 1, 5);
                return new ReviewScore(p.Subject, ReviewerName(p.Reviewer), (rubric - 1) * 2.5);
            }).ToList();
            return new TopicalPanel(Quality, Cluster, Home, Loads, reviews);
        }
    }
}
