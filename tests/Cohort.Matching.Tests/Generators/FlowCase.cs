using FsCheck;
using FsCheck.Fluent;

namespace Cohort.Matching.Tests.Generators;

/// <summary>A tiny min-cost flow problem: few nodes, few arcs, small bounds, so brute force can solve it.</summary>
public sealed record FlowCase(int Nodes, (int Tail, int Head, int Lower, int Upper, int Cost)[] Arcs, int[] Supplies)
{
    public override string ToString() =>
        $"{Nodes} nodes; arcs {string.Join(" ", Arcs.Select(a => $"{a.Tail}->{a.Head}[{a.Lower},{a.Upper}]${a.Cost}"))}; supplies [{string.Join(",", Supplies)}]";
}

public static class FlowArbitraries
{
    public static Arbitrary<FlowCase> Tiny() =>
        (from nodes in Gen.Choose(2, 4)
         from arcCount in Gen.Choose(1, 6)
         from arcs in Arc(nodes).ArrayOf(arcCount)
         from supplies in Supplies(nodes)
         select new FlowCase(nodes, arcs, supplies)).ToArbitrary();

    private static Gen<(int, int, int, int, int)> Arc(int nodes) =>
        from tail in Gen.Choose(0, nodes - 1)
        from head in Gen.Choose(0, nodes - 1).Where(h => h != tail)
        from lower in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from extra in Gen.Choose(0, 3)
        from cost in Gen.Choose(-5, 9)
        select (tail, head, lower, lower + extra, cost);

    /// <summary>Supplies that sum to zero.</summary>
    private static Gen<int[]> Supplies(int nodes) =>
        from values in Gen.Choose(-3, 3).ArrayOf(nodes - 1)
        select values.Append(-values.Sum()).ToArray();
}
