namespace Cohort.Matching.Assignment;

/// <summary>
/// A soft lower bound on marked pairs: right person r should have at least <see cref="PerRight"/>[r] of their chosen
/// pairs among the marked ones. The solver meets it lexicographically: first as many quota units as any choice within
/// the bounds can meet (a unit is one marked pair up to a person's quota), then, among choices meeting that many, the
/// greatest total score. Reviewer assignment marks the pairs outside a reviewer's main topic, so every reviewer bridges.
/// </summary>
public sealed class PairQuotas
{
    private readonly HashSet<int> _marked;

    /// <summary>Quotas per right person, and the marked pairs as indices into the problem's pairs.</summary>
    public PairQuotas(IReadOnlyList<int> perRight, IEnumerable<int> markedPairs)
    {
        if (perRight.Any(q => q < 0))
        {
            throw new ArgumentException("A quota cannot be negative.", nameof(perRight));
        }

        PerRight = perRight;
        _marked = [.. markedPairs];
    }

    /// <summary>How many marked pairs each right person should have.</summary>
    public IReadOnlyList<int> PerRight { get; }

    /// <summary>The marked pairs, as indices into the problem's pairs.</summary>
    public IReadOnlyCollection<int> Marked => _marked;

    /// <summary>True when pair <paramref name="pair"/> (an index into the problem's pairs) is marked.</summary>
    public bool IsMarked(int pair) => _marked.Contains(pair);

    /// <summary>How many quota units <paramref name="chosenPairs"/> meet: per right person, their marked pairs up to their quota.</summary>
    public int UnitsMet(AssignmentProblem problem, IEnumerable<int> chosenPairs)
    {
        var marked = new int[PerRight.Count];
        foreach (int i in chosenPairs.Where(IsMarked))
        {
            marked[problem.Pairs[i].Right]++;
        }

        return marked.Select((m, r) => Math.Min(m, PerRight[r])).Sum();
    }
}
