using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Matching;

/// <summary>
/// A `match stable` instance as read from the contract's JSON, with its ids: the engine's instance, whose candidates
/// are the contract's applicants and whose hosts are its mentors, in the order of the file.
/// </summary>
internal sealed record ContractStableInstance(StableMatchingInstance Instance, IReadOnlyList<string> ApplicantIds, IReadOnlyList<string> MentorIds, IReadOnlyList<string> MentorNames);

/// <summary>Reads the <c>match stable</c> instance: rankings of ids, where an entry may be an array of tied ids.</summary>
internal static class StableInstanceReader
{
    public static ContractStableInstance Read(JsonElement root)
    {
        var applicantItems = JsonInput.Array(root, "applicants").ToList();
        var mentorItems = JsonInput.Array(root, "mentors").ToList();
        var applicants = new IdTable("applicant");
        var mentors = new IdTable("mentor");
        foreach (var (item, path) in applicantItems)
        {
            JsonInput.RequireObject(item, path);
            applicants.Add(JsonInput.String(item, "id", path), path, "id");
        }

        var capacities = new int[mentorItems.Count];
        var names = new string[mentorItems.Count];
        foreach (var ((item, path), m) in mentorItems.Select((x, i) => (x, i)))
        {
            JsonInput.RequireObject(item, path);
            string id = JsonInput.String(item, "id", path);
            mentors.Add(id, path, "id");
            capacities[m] = JsonInput.Count(item, "capacity", path) ?? throw new InvalidInputException($"{path.Field("capacity")}: missing");
            names[m] = JsonInput.OptionalString(item, "name", path) ?? id;
        }

        var applicantRankings = ReadRankings("applicants", applicantItems, mentors);
        var mentorRankings = ReadRankings("mentors", mentorItems, applicants);
        return new ContractStableInstance(new StableMatchingInstance(applicantRankings, mentorRankings, capacities), applicants.Ids, mentors.Ids, names);
    }

    /// <summary>
    /// The hot loop of reading a clearinghouse-sized instance (about a million entries): paths for
    /// error messages are built only when an error is found.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Preferences ReadRankings(string list, List<(JsonElement Item, JsonPath Path)> people, IdTable ranked)
    {
        var builder = new PreferencesBuilder();
        var seenBy = new int[ranked.Count];
        var group = new List<int>();
        for (int person = 0; person < people.Count; person++)
        {
            builder.BeginRanking();
            if (!people[person].Item.TryGetProperty("ranking", out var ranking) || ranking.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInputException($"{list}[{person}].ranking: missing (an array is required)");
            }

            int entryIndex = 0;
            foreach (var entry in ranking.EnumerateArray())
            {
                group.Clear();
                if (entry.ValueKind == JsonValueKind.Array)
                {
                    int tiedIndex = 0;
                    foreach (var tied in entry.EnumerateArray())
                    {
                        group.Add(Resolve(tied, ranked, seenBy, new EntryPath(list, person, entryIndex, tiedIndex)));
                        tiedIndex++;
                    }
                }
                else
                {
                    group.Add(Resolve(entry, ranked, seenBy, new EntryPath(list, person, entryIndex, -1)));
                }

                builder.AddGroup(CollectionsMarshal.AsSpan(group));
                entryIndex++;
            }
        }

        return builder.Build();
    }

    /// <summary>The index of the ranked id; <paramref name="seenBy"/>[i] is 1 + the last person who ranked i, to catch repeats.</summary>
    private static int Resolve(JsonElement entry, IdTable ranked, int[] seenBy, EntryPath path)
    {
        if (entry.ValueKind != JsonValueKind.String || ranked.TryFind(entry.GetString()!) is not int index)
        {
            string id = entry.ValueKind == JsonValueKind.String ? entry.GetString()! : "";
            throw new InvalidInputException(entry.ValueKind != JsonValueKind.String
                ? $"{path}: must be a string"
                : $"{path}: unknown {ranked.Kind} id \"{id}\"");
        }

        if (seenBy[index] == path.Person + 1)
        {
            throw new InvalidInputException($"{path}: \"{entry.GetString()}\" is ranked twice");
        }

        seenBy[index] = path.Person + 1;
        return index;
    }

    /// <summary>Where a ranking entry is, spelled out only for an error message.</summary>
    private readonly record struct EntryPath(string List, int Person, int Entry, int Tied)
    {
        public override string ToString() =>
            Tied < 0 ? $"{List}[{Person}].ranking[{Entry}]" : $"{List}[{Person}].ranking[{Entry}][{Tied}]";
    }
}
