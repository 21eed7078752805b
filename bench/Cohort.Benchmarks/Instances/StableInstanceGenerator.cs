using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Benchmarks.Instances;

/// <summary>
/// The clearinghouse-scale stable instance: 45,000 candidates × 6,000 hosts, rankings of
/// 10–15 hosts drawn with popularity skew (Zipf-like, exponent 0.8), capacities 1–12; each
/// host ranks everyone who ranked it, by a common quality score plus its own noise.
/// </summary>
public static class StableInstanceGenerator
{
    public const int Candidates = 45_000;
    public const int Hosts = 6_000;

    public static (int[][] CandidateRankings, int[][] HostRankings, int[] Capacities) Generate(int seed = 2028)
    {
        var random = new Random(seed);
        var cumulative = new double[Hosts];
        double total = 0;
        for (int h = 0; h < Hosts; h++)
        {
            total += 1.0 / Math.Pow(h + 1, 0.8);
            cumulative[h] = total;
        }

        var candidateRankings = new int[Candidates][];
        var candidatesOf = new List<int>[Hosts];
        for (int h = 0; h < Hosts; h++)
        {
            candidatesOf[h] = [];
        }

        var chosen = new List<int>();
        for (int c = 0; c < Candidates; c++)
        {
            int length = random.Next(10, 16);
            chosen.Clear();
            while (chosen.Count < length)
            {
                int index = Array.BinarySearch(cumulative, random.NextDouble() * total);
                int h = index >= 0 ? index : Math.Min(~index, Hosts - 1);
                if (!chosen.Contains(h))
                {
                    chosen.Add(h);
                    candidatesOf[h].Add(c);
                }
            }

            candidateRankings[c] = [.. chosen];
        }

        var quality = new double[Candidates];
        for (int c = 0; c < Candidates; c++)
        {
            quality[c] = random.NextDouble();
        }

        var hostRankings = new int[Hosts][];
        var capacities = new int[Hosts];
        for (int h = 0; h < Hosts; h++)
        {
            var keyed = candidatesOf[h].Select(c => (c, key: quality[c] + (0.3 * random.NextDouble()))).ToList();
            hostRankings[h] = [.. keyed.OrderByDescending(x => x.key).Select(x => x.c)];
            capacities[h] = random.Next(1, 13);
        }

        return (candidateRankings, hostRankings, capacities);
    }

    public static StableMatchingInstance Instance(int seed = 2028)
    {
        var (candidates, hosts, capacities) = Generate(seed);
        return new StableMatchingInstance(Preferences.Strict(candidates), Preferences.Strict(hosts), capacities);
    }

    /// <summary>Writes the instance in the `cohort match stable` format: the contract's applicants are the candidates, its mentors the hosts.</summary>
    public static void WriteJson(string path, int seed = 2028)
    {
        var (candidates, hosts, capacities) = Generate(seed);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteStartArray("applicants");
        for (int a = 0; a < candidates.Length; a++)
        {
            WritePerson(w, $"a{a}", null, candidates[a].Select(m => $"m{m}"));
        }

        w.WriteEndArray();
        w.WriteStartArray("mentors");
        for (int m = 0; m < hosts.Length; m++)
        {
            WritePerson(w, $"m{m}", capacities[m], hosts[m].Select(a => $"a{a}"));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter w, string id, int? capacity, IEnumerable<string> ranking)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        if (capacity is { } c)
        {
            w.WriteNumber("capacity", c);
        }

        w.WriteStartArray("ranking");
        foreach (string item in ranking)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
