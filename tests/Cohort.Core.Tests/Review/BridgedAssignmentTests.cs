using Cohort.Core.Review;
using Cohort.Matching.Assignment;

namespace Cohort.Core.Tests.Review;

/// <summary>The bridged assignment on plain data: what the round's assignment and calibration's tests both call.</summary>
public class BridgedAssignmentTests
{
    private static readonly string[] Topics = ["alpha", "beta", "gamma"];

    /// <summary>Random rounds: 12 applications of 3 topics of unequal size, 4 reviewers each liking one topic most, 2 reviews each.</summary>
    private static (AssignmentProblem Problem, string?[] Topics) Round(int seed)
    {
        var random = new Random(seed);
        var topics = Enumerable.Range(0, 12).Select(_ => random.Next(10) switch { < 6 => Topics[0], < 9 => Topics[1], _ => Topics[2] }).ToArray();
        var favourite = Enumerable.Range(0, 4).Select(_ => Topics[random.Next(3)]).ToArray();
        var pairs = new List<ScoredPair>();
        var forbidden = new List<(int, int)>();
        for (int s = 0; s < topics.Length; s++)
        {
            for (int r = 0; r < favourite.Length; r++)
            {
                pairs.Add(new ScoredPair(s, r, (topics[s] == favourite[r] ? 5 : 0) + random.Next(3)));
                if (random.Next(12) == 0)
                {
                    forbidden.Add((s, r));
                }
            }
        }

        return (new AssignmentProblem(topics.Select(_ => new Bounds(2, 2)).ToList(), favourite.Select(_ => new Bounds(3, 9)).ToList(), pairs, forbidden), topics);
    }

    [Fact]
    public void The_share_is_met_where_it_can_be_at_a_cost_that_is_the_difference_of_the_two_optima_with_every_load_kept()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var (problem, topics) = Round(seed);
            var plain = AssignmentSolver.Solve(problem);
            if (!plain.Feasible)
            {
                continue;
            }

            var kept = problem.Right.Select(_ => (IReadOnlyList<string?>)[]).ToList();
            var solve = BridgedAssignment.Solve(problem, topics, kept, 25, partly: false);

            Assert.True(solve.Cost.Applies);
            Assert.Equal(plain.Objective, solve.Cost.AffinityWithout);
            Assert.Equal(solve.Result.Objective, solve.Cost.AffinityWith);
            Assert.True(solve.Cost.Cost >= 0);
            Assert.True(AssignmentChecker.Check(problem, solve.Result.ChosenPairs, null).BoundsRespected);
            int LoadOf(IEnumerable<int> chosen, int r) => chosen.Count(i => problem.Pairs[i].Right == r);
            for (int r = 0; r < problem.Right.Count; r++)
            {
                Assert.Equal(LoadOf(plain.ChosenPairs, r), LoadOf(solve.Result.ChosenPairs, r));
                var main = BridgedAssignment.MainTopic(plain.ChosenPairs.Where(i => problem.Pairs[i].Right == r).Select(i => topics[problem.Pairs[i].Left]));
                int outside = solve.Result.ChosenPairs.Count(i => problem.Pairs[i].Right == r && topics[problem.Pairs[i].Left] != main);
                int needed = BridgedAssignment.Needed(LoadOf(plain.ChosenPairs, r), 25);
                Assert.True(outside >= needed || solve.Cost.Short.Any(s => s.Reviewer == r && s.Reached == outside && s.Needed == needed), $"seed {seed}, reviewer {r}");
            }

            if (solve.Cost.Short.Count == 0)
            {
                Assert.True(solve.Cost.ShareReached >= 0.25, $"seed {seed}: {solve.Cost.ShareReached}");
            }
        }
    }

    [Fact]
    public void With_one_topic_or_the_share_off_it_solves_once()
    {
        var (problem, _) = Round(1);
        var kept = problem.Right.Select(_ => (IReadOnlyList<string?>)[]).ToList();

        var oneTopic = BridgedAssignment.Solve(problem, problem.Left.Select(_ => (string?)"alpha").ToList(), kept, 25, partly: false);
        var off = BridgedAssignment.Solve(problem, Round(1).Topics, kept, 0, partly: false);

        Assert.False(oneTopic.Cost.Applies);
        Assert.False(off.Cost.Applies);
        Assert.Equal(AssignmentSolver.Solve(problem).Objective, off.Result.Objective);
        Assert.Equal(oneTopic.Cost.AffinityWithout, oneTopic.Cost.AffinityWith);
    }

    [Fact]
    public void Kept_out_of_topic_reviews_count_toward_the_share()
    {
        // One reviewer, two alpha applications to read, and a kept beta review: load 3, main topic alpha, 1 of 1 outside.
        var problem = new AssignmentProblem([new(1, 1), new(1, 1)], [new(2, 2)], [new(0, 0, 5), new(1, 0, 5)]);

        var solve = BridgedAssignment.Solve(problem, ["alpha", "alpha"], [["beta"]], 30, partly: false);

        Assert.True(solve.Cost.Applies);
        Assert.Empty(solve.Cost.Short);
        Assert.Equal(1 / 3.0, solve.Cost.ShareReached!.Value, 6);
    }
}
