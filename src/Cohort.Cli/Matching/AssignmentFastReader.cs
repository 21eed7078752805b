using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohort.Matching.Assignment;

namespace Cohort.Cli.Matching;

/// <summary>
/// A streaming reader for assignment instances, whose scored pairs are nearly all of a large file
/// (1.5 million affinities, 76 MB, for 5,000 applications × 300 reviewers). It reads every valid
/// instance in one pass without a DOM, in any field order, with ids compared as UTF-8 bytes in place.
/// Anything invalid makes it give up and return null, so that <see cref="AssignmentInstanceReader"/>
/// reads the file again with a JsonDocument and names the offending field.
/// </summary>
internal static class AssignmentFastReader
{
    public static AssignmentInput? TryRead(byte[] json, AssignmentFormat format)
    {
        try
        {
            return Read(json, format);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidInputException)
        {
            // InvalidInputException: bounds the format refuses; InvalidOperationException: a string
            // that is not valid UTF-8. The thorough reader says which field and why.
            return null;
        }
    }

    private static AssignmentInput? Read(byte[] json, AssignmentFormat format)
    {
        var reader = new Utf8JsonReader(json);
        var text = new Utf8Text(json);
        var keys = new PairKeys(format);
        People? left = null, right = null;
        PairList? scored = null, forbidden = new();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // A list named twice is read twice and the last one kept, as JsonDocument's lookup does.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(format.LeftList))
            {
                left = People.Read(ref reader, text, format.LeftList, format.LeftBounds);
            }
            else if (reader.ValueTextEquals(format.RightList))
            {
                right = People.Read(ref reader, text, format.RightList, format.RightBounds);
            }
            else if (reader.ValueTextEquals(format.PairList))
            {
                scored = PairList.Read(ref reader, text, keys, withScore: true, optional: false);
            }
            else if (reader.ValueTextEquals(format.ForbiddenList))
            {
                forbidden = PairList.Read(ref reader, text, keys, withScore: false, optional: true);
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading past the end finds anything after the object, which JsonDocument refuses too.
        if (left is null || right is null || scored is null || forbidden is null || reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }

        var leftIndex = Utf8IdIndex.Build(text, left.Ids);
        var rightIndex = Utf8IdIndex.Build(text, right.Ids);
        var leftIds = text.Strings(left.Ids);
        var rightIds = text.Strings(right.Ids);
        if (leftIndex is null || rightIndex is null || leftIds is null || rightIds is null
            || scored.Resolve(text, leftIndex, rightIndex) is not { } pairIds
            || forbidden.Resolve(text, leftIndex, rightIndex) is not { } forbiddenIds)
        {
            return null;
        }

        var pairs = new ScoredPair[pairIds.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new ScoredPair(pairIds[i].Left, pairIds[i].Right, scored.Scores[i]);
        }

        return new AssignmentInput(new AssignmentProblem(left.Bounds, right.Bounds, pairs, forbiddenIds), leftIds, rightIds);
    }

    /// <summary>The property names of a pair in this format, as UTF-8.</summary>
    private sealed class PairKeys(AssignmentFormat format)
    {
        public byte[] Left { get; } = System.Text.Encoding.UTF8.GetBytes(format.LeftKey);

        public byte[] Right { get; } = System.Text.Encoding.UTF8.GetBytes(format.RightKey);
    }

    /// <summary>One side's people: where each id lies, and the bounds the format reads from its counts.</summary>
    private sealed class People
    {
        public List<Range> Ids { get; } = [];

        public List<Bounds> Bounds { get; } = [];

        /// <summary>Null as soon as anything is not plainly valid; the format's own refusals throw.</summary>
        public static People? Read(ref Utf8JsonReader reader, Utf8Text text, string list, Func<CountField, JsonPath, Bounds> bounds)
        {
            var people = new People();
            var counts = new List<(string Name, int? Value, bool Plain)>();
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                Range? id = null;
                counts.Clear();
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
                    else
                    {
                        // Any other field may be a count: kept if it is a plain one (a value or null),
                        // and refused only if the format asks for it.
                        string name = reader.GetString()!;
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Null)
                        {
                            counts.Add((name, null, true));
                        }
                        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) && value >= 0)
                        {
                            counts.Add((name, value, true));
                        }
                        else
                        {
                            counts.Add((name, null, false));
                            reader.Skip();
                        }
                    }
                }

                if (id is null)
                {
                    return null;
                }

                people.Ids.Add(id.Value);
                people.Bounds.Add(bounds(name => CountOf(counts, name), new JsonPath(list, people.Ids.Count - 1)));
            }

            return reader.TokenType == JsonTokenType.EndArray ? people : null;
        }

        /// <summary>The last field of that name wins, as in JsonDocument; one that is not a plain count sends the file to the thorough reader.</summary>
        private static int? CountOf(List<(string Name, int? Value, bool Plain)> counts, string name)
        {
            for (int i = counts.Count - 1; i >= 0; i--)
            {
                if (counts[i].Name == name)
                {
                    return counts[i].Plain ? counts[i].Value : throw new InvalidInputException($"{name}: not a count");
                }
            }

            return null;
        }
    }

    /// <summary>A list of pairs (scored or forbidden), with ids still as places in the input.</summary>
    private sealed class PairList
    {
        private readonly List<Range> _left = [];
        private readonly List<Range> _right = [];

        public List<decimal> Scores { get; } = [];

        /// <summary>Null when the list is not an array of plain pairs; a missing optional list is empty.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static PairList? Read(ref Utf8JsonReader reader, Utf8Text text, PairKeys keys, bool withScore, bool optional)
        {
            var list = new PairList();
            if (!reader.Read() || (reader.TokenType == JsonTokenType.Null && optional))
            {
                return reader.TokenType == JsonTokenType.Null ? list : null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                Range? l = null, r = null;
                decimal? score = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(keys.Left))
                    {
                        if ((l = ReadId(ref reader, text)) is null)
                        {
                            return null;
                        }
                    }
                    else if (reader.ValueTextEquals(keys.Right))
                    {
                        if ((r = ReadId(ref reader, text)) is null)
                        {
                            return null;
                        }
                    }
                    else if (withScore && reader.ValueTextEquals("score"u8))
                    {
                        score = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value) ? value : null;
                        if (score is null)
                        {
                            return null;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (l is null || r is null || (withScore && score is null))
                {
                    return null;
                }

                list._left.Add(l.Value);
                list._right.Add(r.Value);
                if (withScore)
                {
                    list.Scores.Add(score!.Value);
                }
            }

            return reader.TokenType == JsonTokenType.EndArray ? list : null;
        }

        /// <summary>The pairs as indices; null on an unknown id.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (int Left, int Right)[]? Resolve(Utf8Text text, Utf8IdIndex left, Utf8IdIndex right)
        {
            var pairs = new (int Left, int Right)[_left.Count];
            for (int i = 0; i < pairs.Length; i++)
            {
                int l = left.Find(text[_left[i]]);
                int r = right.Find(text[_right[i]]);
                if (l < 0 || r < 0)
                {
                    return null;
                }

                pairs[i] = (l, r);
            }

            return pairs;
        }

        private static Range? ReadId(ref Utf8JsonReader reader, Utf8Text text) =>
            reader.Read() && reader.TokenType == JsonTokenType.String ? text.Take(ref reader) : null;
    }
}
