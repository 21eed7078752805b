using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Benchmarks.Instances;

/// <summary>
/// The clearinghouse-scale stable instance: 45,000 applicants × 6,000 mentors, rankings of
/// 10–15 mentors drawn with popularity skew (Zipf-like, exponent 0.8), capacities 1–12; each
/// mentor ranks everyone who ranked it, by a common quality score plus its own noise.
/// </summary>
public static class StableInstanceGenerator
{
    public const int Applicants = 45_000;
    public const int Mentors = 6_000;

    public static (int[][] ApplicantRankings, int[][] MentorRankings, int[] Capacities) Generate(int seed = 2028)
    {
        var random = new Random(seed);
        var cumulative = new double[Mentors];
        double total = 0;
        for (int m = 0; m < Mentors; m++)
        {
            total += 1.0 / Math.Pow(m + 1, 0.8);
            cumulative[m] = total;
        }

        var applicantRankings = new int[Applicants][];
        var applicantsOf = new List<int>[Mentors];
        for (int m = 0; m < Mentors; m++)
        {
            applicantsOf[m] = [];
        }

        var chosen = new List<int>();
        for (int a = 0; a < Applicants; a++)
        {
            int length = random.Next(10, 16);
            chosen.Clear();
            while (chosen.Count < length)
            {
                int index = Array.BinarySearch(cumulative, random.NextDouble() * total);
                int m = index >= 0 ? index : Math.Min(~index, Mentors - 1);
                if (!chosen.Contains(m))
                {
                    chosen.Add(m);
                    applicantsOf[m].Add(a);
                }
            }

            applicantRankings[a] = [.. chosen];
        }

        var quality = new double[Applicants];
        for (int a = 0; a < Applicants; a++)
        {
            quality[a] = random.NextDouble();
        }

        var mentorRankings = new int[Mentors][];
        var capacities = new int[Mentors];
        for (int m = 0; m < Mentors; m++)
        {
            var keyed = applicantsOf[m].Select(a => (a, key: quality[a] + (0.3 * random.NextDouble()))).ToList();
            mentorRankings[m] = [.. keyed.OrderByDescending(x => x.key).Select(x => x.a)];
            capacities[m] = random.Next(1, 13);
        }

        return (applicantRankings, mentorRankings, capacities);
    }

    public static StableMatchingInstance Instance(int seed = 2028)
    {
        var (applicants, mentors, capacities) = Generate(seed);
        return new StableMatchingInstance(Preferences.Strict(applicants), Preferences.Strict(mentors), capacities);
    }

    /// <summary>Writes the instance in the `cohort match stable` format.</summary>
    public static void WriteJson(string path, int seed = 2028)
    {
        var (applicants, mentors, capacities) = Generate(seed);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteStartArray("applicants");
        for (int a = 0; a < applicants.Length; a++)
        {
            WritePerson(w, $"a{a}", null, applicants[a].Select(m => $"m{m}"));
        }

        w.WriteEndArray();
        w.WriteStartArray("mentors");
        for (int m = 0; m < mentors.Length; m++)
        {
            WritePerson(w, $"m{m}", capacities[m], mentors[m].Select(a => $"a{a}"));
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
