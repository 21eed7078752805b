using Cohort.Core.Review;
using Cohort.Matching.Assignment;

namespace Cohort.Tests.Shared.Calibration;

/// <summary>
/// Reviews a <see cref="TopicalPanel"/> season as Cohort would: the exact solver assigns three reviewers to each
/// applicant from topical affinities (6–8 for the reviewer's home cluster, 0–2 elsewhere, so the plain optimum keeps
/// reviewers at home: strictly nested), with the bridging share of <see cref="BridgedAssignment"/>.
/// </summary>
public static class SolverAssignment
{
    public static (TopicalPanel Panel, BridgingCost Cost) Assign(int seed, bool strongerClusters, int sharePercent, int applicants = 2_500, int reviewers = 100)
    {
        var season = TopicalPanel.Season.Draw(seed, strongerClusters, applicants, reviewers);
        var random = new Random(seed * 31 + 7);
        // The drawn loads scaled to the reviews needed, with a tenth to spare, as an admin's maximum loads would be.
        var scale = 1.1 * applicants * TopicalPanel.ReviewsEach / season.Loads.Sum();
        var right = season.Loads.Select(l => new Bounds(0, (int)Math.Ceiling(l * scale))).ToList();
        var left = Enumerable.Repeat(new Bounds(TopicalPanel.ReviewsEach, TopicalPanel.ReviewsEach), applicants).ToList();
        var pairs = new List<ScoredPair>(applicants * reviewers);
        for (var s = 0; s < applicants; s++)
        {
            for (var r = 0; r < reviewers; r++)
            {
                pairs.Add(new ScoredPair(s, r, (season.Home[r] == season.Cluster[s] ? 6 : 0) + random.Next(3)));
            }
        }

        var topics = season.Cluster.Select(c => (string?)TopicalPanel.TopicName(c)).ToList();
        var kept = Enumerable.Range(0, reviewers).Select(_ => (IReadOnlyList<string?>)[]).ToList();
        var solve = BridgedAssignment.Solve(new AssignmentProblem(left, right, pairs), topics, kept, sharePercent, partly: false);
        var chosen = solve.Result.ChosenPairs.Select(i => (pairs[i].Left, pairs[i].Right)).ToList();
        return (season.Reviewed(chosen, seed), solve.Cost);
    }
}
