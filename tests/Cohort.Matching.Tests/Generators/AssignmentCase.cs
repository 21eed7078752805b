using Cohort.Matching.Assignment;
using FsCheck;
using FsCheck.Fluent;

namespace Cohort.Matching.Tests.Generators;

/// <summary>A random b-matching instance with decimal scores and forbidden pairs.</summary>
public sealed record AssignmentCase(Bounds[] Left, Bounds[] Right, ScoredPair[] Pairs, (int Left, int Right)[] Forbidden)
{
    public AssignmentProblem ToProblem() => new(Left, Right, Pairs, Forbidden);

    /// <summary>The same problem with quotas of marked pairs.</summary>
    public AssignmentProblem ToProblem(int[] quotas, int[] marked) => new(Left, Right, Pairs, Forbidden, new PairQuotas(quotas, marked));

    public override string ToString() =>
        $"left [{string.Join(" ", Left.Select(b => $"{b.Min}..{b.Max}"))}] right [{string.Join(" ", Right.Select(b => $"{b.Min}..{b.Max}"))}] " +
        $"pairs {string.Join(" ", Pairs.Select(p => $"{p.Left}-{p.Right}:{p.Score}"))} forbidden {string.Join(" ", Forbidden.Select(f => $"{f.Left}-{f.Right}"))}";
}

public static class AssignmentCases
{
    /// <summary>Up to 4 × 3 people, so at most 12 pairs: brute force tries at most 4,096 subsets.</summary>
    public static Gen<AssignmentCase> Tiny(bool reviewers) => Generate(4, 3, reviewers, maxMin: 2);

    /// <summary>Reviewer-assignment shaped instances too big for brute force.</summary>
    public static Gen<AssignmentCase> Medium() => Generate(25, 8, reviewers: true, maxMin: 3);

    /// <summary>A tiny case with a quota of 0 to 3 per right person and about half the pairs marked.</summary>
    public static Gen<QuotaCase> TinyWithQuotas(bool reviewers) =>
        from c in Tiny(reviewers)
        from quotas in Gen.Choose(0, 3).ArrayOf(c.Right.Length)
        from marks in Gen.Elements(true, false).ArrayOf(c.Pairs.Length)
        select new QuotaCase(c, quotas, [.. Enumerable.Range(0, c.Pairs.Length).Where(i => marks[i])]);

    private static Gen<AssignmentCase> Generate(int maxLeft, int maxRight, bool reviewers, int maxMin) =>
        from leftCount in Gen.Choose(1, maxLeft)
        from rightCount in Gen.Choose(1, maxRight)
        from left in Bound(maxMin, exact: reviewers).ArrayOf(leftCount)
        from right in Bound(maxMin, exact: false).ArrayOf(rightCount)
        from scores in Score().ArrayOf(leftCount * rightCount)
        from forbidden in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true))).ArrayOf(leftCount * rightCount)
        select Build(left, right, scores, forbidden, rightCount);

    private static Gen<Bounds> Bound(int maxMin, bool exact) =>
        from min in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, maxMin)))
        from extra in exact ? Gen.Constant(0) : Gen.Choose(0, 3)
        select new Bounds(min, min + extra);

    /// <summary>No score (null) for some pairs; otherwise a decimal with up to 3 places, possibly negative.</summary>
    private static Gen<decimal?> Score() =>
        Gen.Frequency(
            (1, Gen.Constant<decimal?>(null)),
            (4, from units in Gen.Choose(-2000, 9000) from places in Gen.Choose(0, 3) select (decimal?)(units / Pow10(places))));

    private static decimal Pow10(int places) => places switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => 1000m };

    private static AssignmentCase Build(Bounds[] left, Bounds[] right, decimal?[] scores, bool[] forbidden, int rightCount)
    {
        var pairs = new List<ScoredPair>();
        var banned = new List<(int, int)>();
        for (int i = 0; i < scores.Length; i++)
        {
            int l = i / rightCount, r = i % rightCount;
            if (scores[i] is { } score)
            {
                pairs.Add(new ScoredPair(l, r, score));
            }

            if (forbidden[i])
            {
                banned.Add((l, r));
            }
        }

        return new AssignmentCase(left, right, [.. pairs], [.. banned]);
    }
}

/// <summary>An assignment case with quotas per right person and the marked pairs.</summary>
public sealed record QuotaCase(AssignmentCase Case, int[] Quotas, int[] Marked)
{
    public AssignmentProblem ToProblem() => Case.ToProblem(Quotas, Marked);

    public override string ToString() => $"{Case} quotas [{string.Join(" ", Quotas)}] marked [{string.Join(" ", Marked)}]";
}

public static class TinyQuotaArbitraries
{
    public static Arbitrary<QuotaCase> Tiny() => AssignmentCases.TinyWithQuotas(reviewers: true).ToArbitrary();
}

public static class TinyOptimalArbitraries
{
    public static Arbitrary<AssignmentCase> Tiny() => AssignmentCases.Tiny(reviewers: false).ToArbitrary();
}

public static class TinyReviewerArbitraries
{
    public static Arbitrary<AssignmentCase> Tiny() => AssignmentCases.Tiny(reviewers: true).ToArbitrary();
}

public static class MediumReviewerArbitraries
{
    public static Arbitrary<AssignmentCase> Medium() => AssignmentCases.Medium().ToArbitrary();
}
