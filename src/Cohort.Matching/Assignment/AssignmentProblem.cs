namespace Cohort.Matching.Assignment;

/// <summary>How many partners one person must have: between <see cref="Min"/> and <see cref="Max"/>, inclusive.</summary>
public readonly record struct Bounds(int Min, int Max);

/// <summary>A pair that may be chosen, and what choosing it is worth.</summary>
public readonly record struct ScoredPair(int Left, int Right, decimal Score);

/// <summary>
/// A bipartite b-matching: choose pairs, each at most once, so that every left and right person
/// has a number of partners within its bounds, using only scored and not forbidden pairs, and
/// maximise the total score. Optimal assignment (candidates, hosts) and reviewer assignment
/// (applications, reviewers; each application's bounds are [k, k]) are both this problem. With <see cref="Quotas"/>,
/// meeting the quotas of marked pairs comes first and the score second (<see cref="PairQuotas"/>).
/// </summary>
public sealed class AssignmentProblem
{
    /// <summary>Creates a problem; forbidden pairs are dropped from the candidates.</summary>
    public AssignmentProblem(
        IReadOnlyList<Bounds> left,
        IReadOnlyList<Bounds> right,
        IReadOnlyList<ScoredPair> pairs,
        IEnumerable<(int Left, int Right)>? forbidden = null,
        PairQuotas? quotas = null)
    {
        foreach (var b in left.Concat(right))
        {
            if (b.Min < 0 || b.Max < b.Min)
            {
                throw new ArgumentException($"Bounds [{b.Min}, {b.Max}] are not 0 <= min <= max.");
            }
        }

        if (quotas is not null && (quotas.PerRight.Count != right.Count || quotas.Marked.Any(i => (uint)i >= (uint)pairs.Count)))
        {
            throw new ArgumentException("The quotas must give one number per right person and mark only pairs of the problem.");
        }

        var excluded = new HashSet<(int, int)>(forbidden ?? []);
        var candidates = new List<int>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            if ((uint)p.Left >= (uint)left.Count || (uint)p.Right >= (uint)right.Count)
            {
                throw new ArgumentException($"Pair {i} names a person who does not exist.");
            }

            if (excluded.Count == 0 || !excluded.Contains((p.Left, p.Right)))
            {
                candidates.Add(i);
            }
        }

        Left = left;
        Right = right;
        Pairs = pairs;
        Candidates = candidates;
        Quotas = quotas;
    }

    /// <summary>Bounds of each left person (candidate or application).</summary>
    public IReadOnlyList<Bounds> Left { get; }

    /// <summary>Bounds of each right person (host or reviewer).</summary>
    public IReadOnlyList<Bounds> Right { get; }

    /// <summary>Every scored pair, as given.</summary>
    public IReadOnlyList<ScoredPair> Pairs { get; }

    /// <summary>Indices into <see cref="Pairs"/> of the pairs that may be chosen (not forbidden).</summary>
    public IReadOnlyList<int> Candidates { get; }

    /// <summary>The soft quotas of marked pairs per right person, met before the score is maximised; null for none.</summary>
    public PairQuotas? Quotas { get; }
}
