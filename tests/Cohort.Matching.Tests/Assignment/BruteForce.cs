using Cohort.Matching.Assignment;

namespace Cohort.Matching.Tests.Assignment;

/// <summary>The best total score over every subset of allowed pairs, or null when no subset meets the bounds.</summary>
internal static class BruteForce
{
    public static decimal? BestObjective(AssignmentProblem problem)
    {
        var candidates = problem.Candidates.Select(i => problem.Pairs[i]).ToArray();
        decimal? best = null;
        for (int subset = 0; subset < 1 << candidates.Length; subset++)
        {
            var leftDegree = new int[problem.Left.Count];
            var rightDegree = new int[problem.Right.Count];
            decimal total = 0;
            for (int i = 0; i < candidates.Length; i++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    leftDegree[candidates[i].Left]++;
                    rightDegree[candidates[i].Right]++;
                    total += candidates[i].Score;
                }
            }

            if (Within(problem.Left, leftDegree) && Within(problem.Right, rightDegree) && (best is null || total > best))
            {
                best = total;
            }
        }

        return best;
    }

    private static bool Within(IReadOnlyList<Bounds> bounds, int[] degree) =>
        degree.Select((d, i) => d >= bounds[i].Min && d <= bounds[i].Max).All(x => x);
}
