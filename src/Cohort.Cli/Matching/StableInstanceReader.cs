using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Matching;

/// <summary>A stable-matching instance as read from JSON, with its ids.</summary>
internal sealed record StableInput(StableMatchingInstance Instance, IReadOnlyList<string> ApplicantIds, IReadOnlyList<string> MentorIds, IReadOnlyList<string> MentorNames);

/// <summary>Reads the <c>match stable</c> instance: rankings of ids, where an entry may be an array of tied ids.</summary>
internal static class StableInstanceReader
{
    public static StableInput Read(JsonElement root)
    {
        var applicantItems = JsonInput.Array(root, "applicants").ToList();
        var mentorItems = JsonInput.Array(root, "mentors").ToList();
        var applicants = new IdTable("applicant");
        var mentors = new IdTable("mentor");
        foreach (var (item, path) in applicantItems)
        {
            JsonInput.RequireObject(item, path);
            applicants.Add(JsonInput.String(item, "id", path), $"{path}.id");
        }

        var capacities = new int[mentorItems.Count];
        var names = new string[mentorItems.Count];
        foreach (var ((item, path), m) in mentorItems.Select((x, i) => (x, i)))
        {
            JsonInput.RequireObject(item, path);
            string id = JsonInput.String(item, "id", path);
            mentors.Add(id, $"{path}.id");
            capacities[m] = JsonInput.Count(item, "capacity", path) ?? throw new InvalidInputException($"{path}.capacity: missing");
            names[m] = JsonInput.OptionalString(item, "name", path) ?? id;
        }

        var applicantRankings = ReadRankings(applicantItems, mentors);
        var mentorRankings = ReadRankings(mentorItems, applicants);
        return new StableInput(new StableMatchingInstance(applicantRankings, mentorRankings, capacities), applicants.Ids, mentors.Ids, names);
    }

    private static Preferences ReadRankings(List<(JsonElement Item, string Path)> people, IdTable ranked)
    {
        var builder = new PreferencesBuilder();
        var seen = new HashSet<int>();
        var group = new List<int>();
        foreach (var (item, path) in people)
        {
            builder.BeginRanking();
            seen.Clear();
            foreach (var (entry, entryPath) in JsonInput.Array(item, "ranking", path))
            {
                group.Clear();
                if (entry.ValueKind == JsonValueKind.Array)
                {
                    int i = 0;
                    foreach (var tied in entry.EnumerateArray())
                    {
                        group.Add(Resolve(tied, $"{entryPath}[{i++}]", ranked, seen));
                    }
                }
                else
                {
                    group.Add(Resolve(entry, entryPath, ranked, seen));
                }

                builder.AddGroup(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(group));
            }
        }

        return builder.Build();
    }

    private static int Resolve(JsonElement entry, string path, IdTable ranked, HashSet<int> seen)
    {
        string id = JsonInput.StringValue(entry, path);
        int index = ranked.Find(id, path);
        return seen.Add(index) ? index : throw new InvalidInputException($"{path}: \"{id}\" is ranked twice");
    }
}
