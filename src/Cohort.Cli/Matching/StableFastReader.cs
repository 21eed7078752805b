using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Matching;

/// <summary>
/// A streaming reader for well-formed `match stable` instances: a clearinghouse instance holds
/// about a million ranking entries, and walking a JsonDocument with a string per entry costs
/// most of the run. Ids are compared as UTF-8 bytes in place (escaped ones unescaped once). It reads
/// every valid instance, in any field order; anything invalid (unknown or duplicate ids, wrong types,
/// broken JSON) makes it give up and return null, so that <see cref="StableInstanceReader"/> reads
/// the file again and names the offending field.
/// </summary>
internal static class StableFastReader
{
    public static ContractStableInstance? TryRead(byte[] json)
    {
        try
        {
            return Read(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8 or unescapes to none.
            return null;
        }
    }

    private static ContractStableInstance? Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var text = new Utf8Text(json);
        Side? applicants = null, mentors = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("applicants"u8))
            {
                applicants = ReadSide(ref reader, text, withCapacity: false);
            }
            else if (reader.ValueTextEquals("mentors"u8))
            {
                mentors = ReadSide(ref reader, text, withCapacity: true);
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading past the end finds anything after the object, which JsonDocument refuses too.
        if (applicants is null || mentors is null || reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }

        var applicantIndex = Utf8IdIndex.Build(text, applicants.Ids);
        var mentorIndex = Utf8IdIndex.Build(text, mentors.Ids);
        var applicantRankings = applicantIndex is null || mentorIndex is null ? null : applicants.Resolve(text, mentorIndex);
        var mentorRankings = applicantIndex is null ? null : mentors.Resolve(text, applicantIndex);
        var applicantIds = text.Strings(applicants.Ids);
        var mentorIds = text.Strings(mentors.Ids);
        if (applicantRankings is null || mentorRankings is null || applicantIds is null || mentorIds is null)
        {
            return null;
        }

        var instance = new StableMatchingInstance(applicantRankings, mentorRankings, [.. mentors.Capacities]);
        var names = mentors.Names.Select((name, m) => name ?? mentorIds[m]).ToArray();
        return new ContractStableInstance(instance, applicantIds, mentorIds, names);
    }

    /// <summary>Returns null as soon as anything is not plainly valid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Side? ReadSide(ref Utf8JsonReader reader, Utf8Text text, bool withCapacity)
    {
        var side = new Side();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            Range? id = null;
            int capacity = -1;
            string? name = null;
            bool ranked = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return null;
                    }

                    id = text.Take(ref reader);
                }
                else if (reader.ValueTextEquals("ranking"u8))
                {
                    if (ranked || !ReadRanking(ref reader, text, side))
                    {
                        return null;
                    }

                    ranked = true;
                }
                else if (withCapacity && reader.ValueTextEquals("capacity"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out capacity) || capacity < 0)
                    {
                        return null;
                    }
                }
                else if (withCapacity && reader.ValueTextEquals("name"u8))
                {
                    // A null name means none (the id is shown); an empty one is an error the thorough reader names.
                    if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return null;
                    }

                    name = reader.GetString();
                    if (name is "")
                    {
                        return null;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (id is null || !ranked || (withCapacity && capacity < 0))
            {
                return null;
            }

            side.EndPerson(id.Value, capacity, name);
        }

        return reader.TokenType == JsonTokenType.EndArray ? side : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ReadRanking(ref Utf8JsonReader reader, Utf8Text text, Side side)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        int level = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    side.AddEntry(text.Take(ref reader), level);
                }

                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    return false;
                }
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                side.AddEntry(text.Take(ref reader), level);
            }
            else
            {
                return false;
            }

            level++;
        }

        return true;
    }

    /// <summary>One side's people and their rankings, with ids still as places in the input.</summary>
    private sealed class Side
    {
        private readonly List<int> _start = [0];
        private readonly List<Range> _entries = [];
        private readonly List<int> _levels = [];

        public List<Range> Ids { get; } = [];

        public List<int> Capacities { get; } = [];

        public List<string?> Names { get; } = [];

        public void AddEntry(Range id, int level)
        {
            _entries.Add(id);
            _levels.Add(level);
        }

        public void EndPerson(Range id, int capacity, string? name)
        {
            Ids.Add(id);
            Capacities.Add(capacity);
            Names.Add(name);
            _start.Add(_entries.Count);
        }

        /// <summary>Rankings as indices into the other side; null on an unknown id or an id ranked twice.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Preferences? Resolve(Utf8Text text, Utf8IdIndex other)
        {
            var items = new int[_entries.Count];
            var rankedBy = new int[other.Count];
            for (int p = 0; p + 1 < _start.Count; p++)
            {
                for (int e = _start[p]; e < _start[p + 1]; e++)
                {
                    int index = other.Find(text[_entries[e]]);
                    if (index < 0 || rankedBy[index] == p + 1)
                    {
                        return null;
                    }

                    rankedBy[index] = p + 1;
                    items[e] = index;
                }
            }

            return new Preferences([.. _start], items, [.. _levels]);
        }
    }
}
