using Cohort.Matching.Stable;
using FsCheck;
using FsCheck.Fluent;

namespace Cohort.Matching.Tests.Generators;

/// <summary>A small random hospitals/residents instance; rankings are lists of tie groups.</summary>
public sealed record StableCase(int[][][] ApplicantRankings, int[][][] MentorRankings, int[] Capacities)
{
    public StableMatchingInstance ToInstance() => new(Build(ApplicantRankings), Build(MentorRankings), Capacities);

    public bool HasTies => ApplicantRankings.Concat(MentorRankings).Any(r => r.Any(g => g.Length > 1));

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
        $"applicants: {Show(ApplicantRankings)}; mentors: {Show(MentorRankings)}; capacities: [{string.Join(",", Capacities)}]";

    private static string Show(int[][][] rankings) =>
        string.Join(" | ", rankings.Select(r => string.Join(" ", r.Select(g => g.Length == 1 ? $"{g[0]}" : $"({string.Join(",", g)})"))));
}

/// <summary>FsCheck generators of stable-matching instances, strict or with ties.</summary>
public static class StableCases
{
    public static Gen<StableCase> Generate(bool ties, int maxApplicants = 9, int maxMentors = 5) =>
        from applicants in Gen.Choose(1, maxApplicants)
        from mentors in Gen.Choose(1, maxMentors)
        from capacities in Gen.Choose(0, 3).ArrayOf(mentors)
        from applicantRankings in Gen.CollectToArray(Enumerable.Range(0, applicants), _ => Ranking(mentors, ties))
        from mentorRankings in Gen.CollectToArray(Enumerable.Range(0, mentors), _ => Ranking(applicants, ties))
        select new StableCase(applicantRankings, mentorRankings, capacities);

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
