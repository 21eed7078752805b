using System.Runtime.CompilerServices;

namespace Cohort.Matching.Assignment;

/// <summary>What <see cref="AssignmentChecker"/> found about an assignment.</summary>
/// <param name="OnlyAllowedPairs">Every chosen pair is scored, not forbidden, and chosen once.</param>
/// <param name="BoundsRespected">Every person's number of partners lies within its bounds.</param>
/// <param name="OptimalityProven">The certificate's duals prove no assignment scores more (false without a certificate).</param>
/// <param name="Objective">Exact sum of the chosen pairs' scores.</param>
/// <param name="Problems">Human-readable findings, at most 100.</param>
public sealed record AssignmentReport(
    bool OnlyAllowedPairs,
    bool BoundsRespected,
    bool OptimalityProven,
    decimal Objective,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when the assignment is feasible and proven optimal.</summary>
    public bool IsValidAndOptimal => OnlyAllowedPairs && BoundsRespected && OptimalityProven;
}

/// <summary>
/// Verifies an assignment independently of the solver: feasibility directly, optimality through
/// linear-programming duality (complementary slackness of the certificate's potentials). With quotas, the duality is
/// that of the quota network (<see cref="AssignmentNetwork"/>), so a proof says no choice meets more quota units, nor
/// scores more while meeting as many.
/// </summary>
public static class AssignmentChecker
{
    private const int ListedProblems = 100;

    /// <summary>Checks <paramref name="chosenPairs"/> (indices into the problem's pairs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AssignmentReport Check(AssignmentProblem problem, IReadOnlyList<int> chosenPairs, OptimalityCertificate? certificate)
    {
        var problems = new List<string>();
        void Note(string text)
        {
            if (problems.Count < ListedProblems)
            {
                problems.Add(text);
            }
        }

        var candidates = new HashSet<int>(problem.Candidates);
        var seen = new HashSet<(int, int)>();
        var leftDegree = new int[problem.Left.Count];
        var rightDegree = new int[problem.Right.Count];
        var chosen = new bool[problem.Pairs.Count];
        bool allowed = true;
        decimal objective = 0;
        foreach (int i in chosenPairs)
        {
            var pair = problem.Pairs[i];
            if (!candidates.Contains(i) || !seen.Add((pair.Left, pair.Right)))
            {
                allowed = false;
                Note($"pair {i} ({pair.Left}, {pair.Right}) is forbidden or chosen twice");
            }

            chosen[i] = true;
            leftDegree[pair.Left]++;
            rightDegree[pair.Right]++;
            objective += pair.Score;
        }

        bool bounds = WithinBounds(problem.Left, leftDegree, "left", Note) & WithinBounds(problem.Right, rightDegree, "right", Note);
        bool optimal = certificate is not null && allowed && bounds &&
            SlacknessHolds(problem, chosen, leftDegree, rightDegree, certificate, Note);
        return new AssignmentReport(allowed, bounds, optimal, objective, problems);
    }

    private static bool WithinBounds(IReadOnlyList<Bounds> bounds, int[] degree, string side, Action<string> note)
    {
        bool ok = true;
        for (int i = 0; i < bounds.Count; i++)
        {
            if (degree[i] < bounds[i].Min || degree[i] > bounds[i].Max)
            {
                ok = false;
                note($"{side} {i} has {degree[i]} partners, outside [{bounds[i].Min}, {bounds[i].Max}]");
            }
        }

        return ok;
    }

    /// <summary>
    /// An arc whose reduced cost is negative must be at its upper bound, and one whose reduced cost
    /// is positive at its lower bound; a flow and potentials meeting this are both optimal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SlacknessHolds(
        AssignmentProblem problem, bool[] chosen, int[] leftDegree, int[] rightDegree, OptimalityCertificate certificate, Action<string> note)
    {
        long[] pi = certificate.Potentials;
        int source = AssignmentNetwork.Source(problem);
        int sink = AssignmentNetwork.Sink(problem);
        if (pi.Length != AssignmentNetwork.NodeCount(problem))
        {
            note("the certificate has the wrong number of potentials");
            return false;
        }

        bool ok = true;
        void Arc(int tail, int head, long cost, long flow, long lower, long upper, string what)
        {
            long reduced = cost + pi[tail] - pi[head];
            if ((reduced < 0 && flow < upper) || (reduced > 0 && flow > lower))
            {
                ok = false;
                note($"{what}: reduced cost {reduced} with flow {flow} in [{lower}, {upper}]");
            }
        }

        foreach (int i in problem.Candidates)
        {
            var pair = problem.Pairs[i];
            Arc(pair.Left, AssignmentNetwork.HeadOf(problem, i), certificate.Scale.CostOf(pair.Score), chosen[i] ? 1 : 0, 0, 1, $"pair {i}");
        }

        if (problem.Quotas is { } quotas)
        {
            // A right person's marked pairs fill the bonus arc first, up to the quota; the rest take the free arc.
            long bonus = AssignmentNetwork.QuotaBonus(problem, certificate.Scale);
            var marked = new long[problem.Right.Count];
            foreach (int i in problem.Candidates.Where(i => chosen[i] && quotas.IsMarked(i)))
            {
                marked[problem.Pairs[i].Right]++;
            }

            for (int r = 0; r < problem.Right.Count; r++)
            {
                long onBonus = Math.Min(marked[r], quotas.PerRight[r]);
                var (quotaNode, rightNode) = (AssignmentNetwork.QuotaNode(problem, r), AssignmentNetwork.RightNode(problem, r));
                Arc(quotaNode, rightNode, -bonus, onBonus, 0, quotas.PerRight[r], $"quota of right {r}");
                Arc(quotaNode, rightNode, 0, marked[r] - onBonus, 0, problem.Right[r].Max, $"marked pairs of right {r}");
            }
        }

        long total = 0;
        long leftMaxTotal = 0;
        for (int l = 0; l < problem.Left.Count; l++)
        {
            Arc(source, l, 0, leftDegree[l], problem.Left[l].Min, problem.Left[l].Max, $"left {l}");
            total += leftDegree[l];
            leftMaxTotal += problem.Left[l].Max;
        }

        for (int r = 0; r < problem.Right.Count; r++)
        {
            Arc(AssignmentNetwork.RightNode(problem, r), sink, 0, rightDegree[r], problem.Right[r].Min, problem.Right[r].Max, $"right {r}");
        }

        Arc(sink, source, 0, total, 0, leftMaxTotal, "sink to source");
        return ok;
    }
}
