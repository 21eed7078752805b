using Cohort.Matching.Assignment;

namespace Cohort.Core.Review;

/// <summary>A reviewer who did not get their share of out-of-topic reviews: the right person's index in the problem.</summary>
/// <param name="Reviewer">Index of the reviewer (right person) in the problem.</param>
/// <param name="MainTopic">The topic holding most of their load.</param>
/// <param name="Load">Their whole load in the round, kept assignments included.</param>
/// <param name="Needed">Out-of-topic reviews the share asks of them.</param>
/// <param name="Reached">Out-of-topic reviews they have.</param>
/// <param name="Eligible">Out-of-topic applications they could be given (not conflicted, not already theirs) plus those they have.</param>
public sealed record QuotaShortfall(int Reviewer, string MainTopic, int Load, int Needed, int Reached, int Eligible);

/// <summary>
/// What bridging cost and achieved. <see cref="Applies"/> is false when the share is 0 or the applications have fewer
/// than two topics; then one solve was made and both totals are its own.
/// </summary>
/// <param name="SharePercent">The share of each reviewer's load asked outside their main topic.</param>
/// <param name="Topics">How many distinct topics the applications have.</param>
/// <param name="AffinityWithout">Total affinity of the solver's pairs in the plain optimum.</param>
/// <param name="AffinityWith">Total affinity of the solver's pairs with the share enforced.</param>
/// <param name="ShareReached">Out-of-topic reviews over all reviews of reviewers with a main topic (0 to 1); null without any.</param>
/// <param name="Short">Reviewers whose share could not be met.</param>
public sealed record BridgingCost(bool Applies, int SharePercent, int Topics, decimal AffinityWithout, decimal AffinityWith, double? ShareReached, IReadOnlyList<QuotaShortfall> Short)
{
    /// <summary>The affinity given up for bridging.</summary>
    public decimal Cost => AffinityWithout - AffinityWith;
}

/// <summary>The assignment chosen (indices into the problem's pairs, as the engine gives them) and what bridging cost.</summary>
public sealed record BridgedSolve(AssignmentResult Result, BridgingCost Cost);

/// <summary>
/// Reviewer assignment with a bridging share, on plain data so that any caller (assignment, calibration tests, the
/// benchmark) runs the same method. Two exact solves: the plain optimum fixes each reviewer's load and main topic (the
/// topic holding most of their load, kept assignments included; ties by ordinal name); the second solve holds every
/// load to the first's and asks each reviewer for ceil(share × load) reviews outside their main topic, kept ones
/// counting, as a lexicographic quota (<see cref="PairQuotas"/>): as many of those reviews as can be given, and the
/// greatest affinity among such assignments. See docs/decisions/review.md, "Bridging".
/// </summary>
public static class BridgedAssignment
{
    /// <summary>Solves <paramref name="problem"/> (left: applications, right: reviewers) with the bridging share.</summary>
    /// <param name="problem">The assignment left to the engine: kept assignments already taken off the bounds and forbidden.</param>
    /// <param name="subjectTopics">The topic of each left person, or null.</param>
    /// <param name="keptTopics">For each reviewer, the topics of the applications their kept assignments review.</param>
    /// <param name="sharePercent">The share of each reviewer's load to give outside their main topic, 0 to 100.</param>
    /// <param name="partly">Assign what can be assigned (<see cref="AssignmentSolver.SolveMaximal"/>) instead of all or nothing.</param>
    public static BridgedSolve Solve(AssignmentProblem problem, IReadOnlyList<string?> subjectTopics, IReadOnlyList<IReadOnlyList<string?>> keptTopics, int sharePercent, bool partly)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(subjectTopics.Count, problem.Left.Count, nameof(subjectTopics));
        ArgumentOutOfRangeException.ThrowIfNotEqual(keptTopics.Count, problem.Right.Count, nameof(keptTopics));
        int topics = subjectTopics.Concat(keptTopics.SelectMany(t => t)).OfType<string>().Distinct().Count();
        var plain = partly ? AssignmentSolver.SolveMaximal(problem) : AssignmentSolver.Solve(problem);
        if (!plain.Feasible && !partly)
        {
            return new(plain, new BridgingCost(false, sharePercent, topics, 0, 0, null, []));
        }

        var plainTopics = TopicsOf(problem, plain.ChosenPairs, subjectTopics, keptTopics);
        if (sharePercent <= 0 || topics < 2)
        {
            var measured = Measure(problem, plainTopics, MainTopics(plainTopics), subjectTopics, keptTopics, sharePercent);
            return new(plain, new BridgingCost(false, sharePercent, topics, plain.Objective, plain.Objective, measured.Share, []));
        }

        var main = MainTopics(plainTopics);
        var bridged = SolveBridged(problem, plain, subjectTopics, keptTopics, main, sharePercent, partly);
        var after = Measure(problem, TopicsOf(problem, bridged.ChosenPairs, subjectTopics, keptTopics), main, subjectTopics, keptTopics, sharePercent);
        return new(bridged, new BridgingCost(true, sharePercent, topics, plain.Objective, bridged.Objective, after.Share, after.Short));
    }

    /// <summary>Out-of-topic reviews a reviewer with <paramref name="load"/> reviews is asked for.</summary>
    public static int Needed(int load, int sharePercent) => (int)Math.Ceiling(load * sharePercent / 100.0);

    /// <summary>The topic holding most of <paramref name="topics"/> (ties by ordinal name), or null when none has one.</summary>
    public static string? MainTopic(IEnumerable<string?> topics) =>
        topics.OfType<string>().GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    private static AssignmentResult SolveBridged(AssignmentProblem problem, AssignmentResult plain, IReadOnlyList<string?> subjectTopics,
        IReadOnlyList<IReadOnlyList<string?>> keptTopics, IReadOnlyList<string?> main, int sharePercent, bool partly)
    {
        var loads = new int[problem.Right.Count];
        foreach (int i in plain.ChosenPairs)
        {
            loads[problem.Pairs[i].Right]++;
        }

        var quotas = Enumerable.Range(0, problem.Right.Count).Select(r => main[r] is null ? 0
            : Math.Clamp(Needed(loads[r] + keptTopics[r].Count, sharePercent) - keptTopics[r].Count(t => IsOutside(t, main[r])), 0, loads[r])).ToList();
        var marked = problem.Candidates.Where(i => IsOutside(subjectTopics[problem.Pairs[i].Left], main[problem.Pairs[i].Right]));
        var candidates = problem.Candidates.ToHashSet();
        var forbidden = Enumerable.Range(0, problem.Pairs.Count).Where(i => !candidates.Contains(i)).Select(i => (problem.Pairs[i].Left, problem.Pairs[i].Right));
        var held = new AssignmentProblem(problem.Left, loads.Select(l => new Bounds(l, l)).ToList(), problem.Pairs, forbidden, new PairQuotas(quotas, marked));
        // The plain optimum meets every bound of the held problem, so this solve is feasible (or, assigning what can be
        // assigned, gives as many reviews as the plain one did).
        return partly ? AssignmentSolver.SolveMaximal(held) : AssignmentSolver.Solve(held);
    }

    private static bool IsOutside(string? topic, string? main) => topic is not null && main is not null && !string.Equals(topic, main, StringComparison.Ordinal);

    /// <summary>Every reviewer's topics: those of their kept assignments, then of the chosen pairs.</summary>
    private static List<List<string?>> TopicsOf(AssignmentProblem problem, IEnumerable<int> chosen, IReadOnlyList<string?> subjectTopics, IReadOnlyList<IReadOnlyList<string?>> keptTopics)
    {
        var topics = keptTopics.Select(k => k.ToList()).ToList();
        foreach (int i in chosen)
        {
            topics[problem.Pairs[i].Right].Add(subjectTopics[problem.Pairs[i].Left]);
        }

        return topics;
    }

    private static List<string?> MainTopics(List<List<string?>> topics) => topics.Select(MainTopic).ToList();

    /// <summary>
    /// The share of reviews outside their reviewer's main topic, and the reviewers below their share with how many
    /// out-of-topic applications were open to them at all.
    /// </summary>
    private static (double? Share, List<QuotaShortfall> Short) Measure(AssignmentProblem problem, List<List<string?>> topics,
        IReadOnlyList<string?> main, IReadOnlyList<string?> subjectTopics, IReadOnlyList<IReadOnlyList<string?>> keptTopics, int sharePercent)
    {
        var open = new int[topics.Count];
        foreach (var pair in problem.Candidates.Select(i => problem.Pairs[i]).Where(p => IsOutside(subjectTopics[p.Left], main[p.Right])))
        {
            open[pair.Right]++;
        }

        int load = 0, outside = 0;
        var shortfalls = new List<QuotaShortfall>();
        for (int r = 0; r < topics.Count; r++)
        {
            if (main[r] is not { } mainTopic)
            {
                continue;
            }

            int reached = topics[r].Count(t => IsOutside(t, mainTopic));
            (load, outside) = (load + topics[r].Count, outside + reached);
            int needed = Needed(topics[r].Count, sharePercent);
            if (reached < needed)
            {
                int eligible = open[r] + keptTopics[r].Count(t => IsOutside(t, mainTopic));
                shortfalls.Add(new QuotaShortfall(r, mainTopic, topics[r].Count, needed, reached, eligible));
            }
        }

        return (load == 0 ? null : (double)outside / load, shortfalls);
    }
}
