using Cohort.Matching.Stable;
using FsCheck;
using FsCheck.Fluent;

namespace Cohort.Matching.Tests.Generators;

/// <summary>A small random hospitals/residents instance; rankings are lists of tie groups.</summary>
public sealed record StableCase(int[][][] CandidateRankings, int[][][] HostRankings, int[] Capacities)
{
    public StableMatchingInstance ToInstance() => new(Build(CandidateRankings), Build(HostRankings), Capacities);

    public bool HasTies => CandidateRankings.Concat(HostRankings).Any(r => r.Any(g => g.Length > 1));

    private static Preferences Build(int[][][] rankings)
    {
        var builder = new PreferencesBuilder();
        foreach (var ranking in rankings)
        {
            builder.BeginRanking();
            foreach (var group in ranking)
            {
                builder.AddGroup(group);
            }
        }

        return builder.Build();
    }

    public override string ToString() =>
        $"candidates: {Show(CandidateRankings)}; hosts: {Show(HostRankings)}; capacities: [{string.Join(",", Capacities)}]";

    private static string Show(int[][][] rankings) =>
        string.Join(" | ", rankings.Select(r => string.Join(" ", r.Select(g => g.Length == 1 ? $"{g[0]}" : $"({string.Join(",", g)})"))));
}

/// <summary>FsCheck generators of stable-matching instances, strict or with ties.</summary>
public static class StableCases
{
    public static Gen<StableCase> Generate(bool ties, int maxCandidates = 9, int maxHosts = 5) =>
        from candidates in Gen.Choose(1, maxCandidates)
        from hosts in Gen.Choose(1, maxHosts)
        from capacities in Gen.Choose(0, 3).ArrayOf(hosts)
        from candidateRankings in Gen.CollectToArray(Enumerable.Range(0, candidates), _ => Ranking(hosts, ties))
        from hostRankings in Gen.CollectToArray(Enumerable.Range(0, hosts), _ => Ranking(candidates, ties))
        select new StableCase(candidateRankings, hostRankings, capacities);

    /// <summary>A random subset of 0..count-1 in random order, cut into tie groups when ties are allowed.</summary>
    private static Gen<int[][]> Ranking(int count, bool ties) =>
        from order in Gen.Shuffle(Enumerable.Range(0, count))
        from length in Gen.Choose(0, count)
        from joins in Gen.Elements(ties ? [false, false, true] : new[] { false }).ArrayOf(length)
        select Group(order.Take(length).ToArray(), joins);

    private static int[][] Group(int[] items, bool[] joinWithPrevious)
    {
        var groups = new List<List<int>>();
        for (int i = 0; i < items.Length; i++)
        {
            if (i > 0 && joinWithPrevious[i])
            {
                groups[^1].Add(items[i]);
            }
            else
            {
                groups.Add([items[i]]);
            }
        }

        return [.. groups.Select(g => g.ToArray())];
    }
}

/// <summary>Registers the generators with FsCheck for <c>[Property]</c> parameters.</summary>
public static class StableArbitraries
{
    public static Arbitrary<StableCase> Strict() => StableCases.Generate(ties: false).ToArbitrary();
}

/// <summary>Instances whose rankings may contain ties.</summary>
public static class TiedArbitraries
{
    public static Arbitrary<StableCase> WithTies() => StableCases.Generate(ties: true).ToArbitrary();
}
