namespace Cohort.Matching.Selection;

/// <summary>One candidate for a budgeted selection: what choosing them is worth and what they cost, in whole units.</summary>
public readonly record struct SelectionItem(double Value, int Cost);

/// <summary>
/// Choose candidates to maximise the total value, taking at most <see cref="Seats"/> of them and spending at most
/// <see cref="Budget"/> in total (a 0/1 knapsack with a cardinality bound). Values are at least 0, costs and the budget
/// whole units at least 0.
/// </summary>
public sealed record SelectionProblem(IReadOnlyList<SelectionItem> Items, int Seats, int Budget)
{
    /// <summary>The problem's first error in words, or null when it can be solved.</summary>
    public string? Error()
    {
        if (Seats < 0 || Budget < 0)
        {
            return "The seats and the budget must be at least 0.";
        }

        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Cost < 0 || !double.IsFinite(Items[i].Value) || Items[i].Value < 0)
            {
                return $"Candidate {i} has a negative cost or a value that is negative or not a number.";
            }
        }

        return null;
    }
}

/// <summary>
/// The chosen candidates (indices, ascending), their total value and cost, and the proof that no choice does better:
/// for every candidate left out, the best total any feasible choice reaches with that candidate in
/// (<see cref="BestWith"/>), never above <see cref="Total"/>; and for every chosen one, the best total without them.
/// </summary>
public sealed record SelectionResult(IReadOnlyList<int> Chosen, double Total, long Cost, IReadOnlyDictionary<int, double?> BestWith, IReadOnlyDictionary<int, double> BestWithout);

/// <summary>
/// The exact optimum by dynamic programming over (seats used, budget used), after dividing every cost and the budget
/// by their greatest common divisor: O(n · seats · budget units) time, and one bit per item and state to read the
/// choice back. Among choices of equal value it keeps the one that spends less, then the one with earlier candidates,
/// so the answer is reproducible. Costs above the budget and candidates of value 0 are never chosen.
/// </summary>
public static class BudgetedSelection
{
    /// <summary>The most states (seats × budget units × candidates) the solver takes on: 200 million bits of choices, 25 MB.</summary>
    public const long MaxStates = 200_000_000;

    /// <summary>Solves <paramref name="problem"/>; throws <see cref="ArgumentException"/> with the reason for an invalid or too large one.</summary>
    public static SelectionResult Solve(SelectionProblem problem)
    {
        if (problem.Error() is { } error)
        {
            throw new ArgumentException(error, nameof(problem));
        }

        var chosen = Best(problem, forced: -1, excluded: -1)!;
        var total = chosen.Sum(i => problem.Items[i].Value);
        var bestWith = new Dictionary<int, double?>();
        var bestWithout = new Dictionary<int, double>();
        for (var i = 0; i < problem.Items.Count; i++)
        {
            if (chosen.Contains(i))
            {
                bestWithout[i] = Best(problem, forced: -1, excluded: i)!.Sum(j => problem.Items[j].Value);
            }
            else
            {
                bestWith[i] = Best(problem, forced: i, excluded: -1)?.Sum(j => problem.Items[j].Value);
            }
        }

        return new(chosen, total, chosen.Sum(i => (long)problem.Items[i].Cost), bestWith, bestWithout);
    }

    /// <summary>Whether the problem is small enough to solve, or why not in words.</summary>
    public static string? TooLarge(SelectionProblem problem)
    {
        var unit = Unit(problem);
        var states = (long)(Math.Min(problem.Seats, problem.Items.Count) + 1) * (problem.Budget / unit + 1) * Math.Max(1, problem.Items.Count);
        return states <= MaxStates ? null
            : $"The budget of {problem.Budget} in units of {unit} with {problem.Items.Count} candidates is too fine to solve exactly; round the amounts (to hundreds, say) and try again.";
    }

    /// <summary>The largest unit every cost and the budget are whole multiples of.</summary>
    private static int Unit(SelectionProblem problem)
    {
        var unit = problem.Budget;
        foreach (var item in problem.Items)
        {
            if (item.Cost <= problem.Budget)
            {
                unit = Gcd(unit, item.Cost);
            }
        }

        return Math.Max(1, unit);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>The best choice with candidate <paramref name="forced"/> in and <paramref name="excluded"/> out (-1 for none); null when none includes <paramref name="forced"/>.</summary>
    private static List<int>? Best(SelectionProblem problem, int forced, int excluded)
    {
        if (TooLarge(problem) is { } reason)
        {
            throw new ArgumentException(reason, nameof(problem));
        }

        var unit = Unit(problem);
        var n = problem.Items.Count;
        var seats = Math.Min(problem.Seats, n);
        var units = problem.Budget / unit;
        var width = units + 1;
        var cost = problem.Items.Select(i => i.Cost <= problem.Budget ? i.Cost / unit : -1).ToArray();
        var usable = Enumerable.Range(0, n).Select(i => i != excluded && cost[i] >= 0 && (problem.Items[i].Value > 0 || i == forced)).ToArray();
        if (forced >= 0 && (!usable[forced] || seats == 0))
        {
            return null;
        }

        // value[s, b]: the best total of the candidates seen so far using exactly s seats and exactly b units; NaN when unreachable.
        var value = new double[(seats + 1) * width];
        Array.Fill(value, double.NaN);
        value[0] = 0;
        var took = new System.Collections.BitArray[n];
        for (var i = n - 1; i >= 0; i--)
        {
            took[i] = new System.Collections.BitArray((seats + 1) * width);
            if (!usable[i])
            {
                continue;
            }

            var c = cost[i];
            var v = problem.Items[i].Value;
            for (var s = seats; s >= 1; s--)
            {
                for (var b = units; b >= c; b--)
                {
                    var from = value[(s - 1) * width + b - c];
                    if (double.IsNaN(from))
                    {
                        if (i == forced)
                        {
                            value[s * width + b] = double.NaN;
                        }

                        continue;
                    }

                    var here = s * width + b;
                    // Iterating from the last candidate back, taking on a tie keeps earlier candidates.
                    if (i == forced || double.IsNaN(value[here]) || from + v >= value[here] - 1e-9)
                    {
                        value[here] = from + v;
                        took[i][here] = true;
                    }
                }

                if (i == forced)
                {
                    for (var b = Math.Min(c - 1, units); b >= 0; b--)
                    {
                        value[s * width + b] = double.NaN;
                    }
                }
            }

            if (i == forced)
            {
                for (var b = 0; b <= units; b++)
                {
                    value[b] = double.NaN;
                }
            }
        }

        // The best end state: highest value, then least spent, then fewest seats.
        var best = -1;
        for (var b = 0; b <= units; b++)
        {
            for (var s = 0; s <= seats; s++)
            {
                var here = s * width + b;
                if (!double.IsNaN(value[here]) && (best < 0 || value[here] > value[best] + 1e-9))
                {
                    best = here;
                }
            }
        }

        if (best < 0)
        {
            return null;
        }

        var chosen = new List<int>();
        var (seat, spent) = (best / width, best % width);
        for (var i = 0; i < n && seat > 0; i++)
        {
            var here = seat * width + spent;
            if (took[i][here])
            {
                chosen.Add(i);
                seat--;
                spent -= cost[i];
            }
        }

        return chosen;
    }
}
