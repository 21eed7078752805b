using Cohort.Matching.Assignment;

namespace Cohort.Matching.Tests.Assignment;

/// <summary>Every subset of allowed pairs, tried one by one.</summary>
internal static class BruteForce
{
    /// <summary>The best total score over the subsets that meet the bounds, or null when none does.</summary>
    public static decimal? BestObjective(AssignmentProblem problem) =>
        Subsets(problem).Where(s => s.WithinMinimums && s.WithinMaximums).Select(s => (decimal?)s.Total).DefaultIfEmpty().Max();

    /// <summary>Among the subsets within every maximum (minimums set aside): the most pairs, and the best total score with that many.</summary>
    public static (int Pairs, decimal Total) MostPairsThenBest(AssignmentProblem problem) =>
        Subsets(problem).Where(s => s.WithinMaximums).Select(s => (s.Pairs, s.Total)).Max();

    /// <summary>Among the subsets that meet the bounds: the most quota units met, and the best total score with that many; null when none does.</summary>
    public static (int Units, decimal Total)? MostUnitsThenBest(AssignmentProblem problem) =>
        Subsets(problem).Where(s => s.WithinMinimums && s.WithinMaximums).Select(s => ((int, decimal)?)(s.Units, s.Total)).DefaultIfEmpty().Max();

    /// <summary>Within every maximum (minimums set aside): the most pairs, then the most quota units, then the best total score.</summary>
    public static (int Pairs, int Units, decimal Total) MostPairsThenUnitsThenBest(AssignmentProblem problem) =>
        Subsets(problem).Where(s => s.WithinMaximums).Select(s => (s.Pairs, s.Units, s.Total)).Max();

    private static IEnumerable<(int Pairs, decimal Total, bool WithinMinimums, bool WithinMaximums, int Units)> Subsets(AssignmentProblem problem)
    {
        var candidates = problem.Candidates.Select(i => problem.Pairs[i]).ToArray();
        var marked = problem.Candidates.Select(i => problem.Quotas?.IsMarked(i) == true).ToArray();
        for (int subset = 0; subset < 1 << candidates.Length; subset++)
        {
            var leftDegree = new int[problem.Left.Count];
            var rightDegree = new int[problem.Right.Count];
            var markedDegree = new int[problem.Right.Count];
            decimal total = 0;
            int pairs = 0;
            for (int i = 0; i < candidates.Length; i++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    leftDegree[candidates[i].Left]++;
                    rightDegree[candidates[i].Right]++;
                    total += candidates[i].Score;
                    pairs++;
                    markedDegree[candidates[i].Right] += marked[i] ? 1 : 0;
                }
            }

            yield return (pairs, total, AtLeast(problem.Left, leftDegree) && AtLeast(problem.Right, rightDegree),
                AtMost(problem.Left, leftDegree) && AtMost(problem.Right, rightDegree),
                markedDegree.Select((m, r) => Math.Min(m, problem.Quotas?.PerRight[r] ?? 0)).Sum());
        }
    }

    private static bool AtLeast(IReadOnlyList<Bounds> bounds, int[] degree) => degree.Select((d, i) => d >= bounds[i].Min).All(x => x);

    private static bool AtMost(IReadOnlyList<Bounds> bounds, int[] degree) => degree.Select((d, i) => d <= bounds[i].Max).All(x => x);
}
