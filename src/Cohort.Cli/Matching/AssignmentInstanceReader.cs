using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Cohort.Matching.Assignment;

namespace Cohort.Cli.Matching;

/// <summary>An assignment instance as read from JSON, with its ids.</summary>
internal sealed record AssignmentInput(AssignmentProblem Problem, IReadOnlyList<string> LeftIds, IReadOnlyList<string> RightIds);

/// <summary>Reads an assignment instance in the spelling of an <see cref="AssignmentFormat"/>.</summary>
internal static class AssignmentInstanceReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AssignmentInput Read(JsonElement root, AssignmentFormat format)
    {
        var left = new IdTable(format.LeftKey);
        var right = new IdTable(format.RightKey);
        var leftBounds = ReadPeople(root, format.LeftList, left, format.LeftBounds);
        var rightBounds = ReadPeople(root, format.RightList, right, format.RightBounds);

        var pairs = ReadPairsFast(root, format, left, right) ?? ReadPairs(root, format, left, right);
        var scored = new HashSet<long>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            var (l, r) = (pairs[i].Left, pairs[i].Right);
            // l * |right| + r, not (l << 32) | r: long's hash folds the halves together, and
            // l ^ r would put a million pairs into a few thousand buckets.
            if (!scored.Add(((long)l * right.Count) + r))
            {
                throw new InvalidInputException($"{new JsonPath(format.PairList, i)}: the pair ({left.Ids[l]}, {right.Ids[r]}) is scored twice");
            }
        }

        var forbidden = JsonInput.Array(root, format.ForbiddenList, optional: true)
            .Select(x => ReadPair(x.Item, x.Path, format, left, right))
            .ToList();
        return new AssignmentInput(new AssignmentProblem(leftBounds, rightBounds, pairs, forbidden), left.Ids, right.Ids);
    }

    /// <summary>The scored pairs by the streaming reader, or null when it cannot read them.</summary>
    private static List<ScoredPair>? ReadPairsFast(JsonElement root, AssignmentFormat format, IdTable left, IdTable right) =>
        root.TryGetProperty(format.PairList, out var array) && array.ValueKind == JsonValueKind.Array
            ? ScoredPairsFastReader.TryRead(
                JsonMarshal.GetRawUtf8Value(array), format, Utf8IdIndex.FromStrings(left.Ids), Utf8IdIndex.FromStrings(right.Ids))
            : null;

    /// <summary>The scored pairs, with an error naming the field of the first invalid one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<ScoredPair> ReadPairs(JsonElement root, AssignmentFormat format, IdTable left, IdTable right) =>
        [.. JsonInput.Array(root, format.PairList).Select(x =>
        {
            var (l, r) = ReadPair(x.Item, x.Path, format, left, right);
            return new ScoredPair(l, r, JsonInput.Score(x.Item, "score", x.Path));
        })];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Bounds> ReadPeople(JsonElement root, string list, IdTable ids, Func<JsonElement, JsonPath, Bounds> bounds)
    {
        var result = new List<Bounds>();
        foreach (var (item, path) in JsonInput.Array(root, list))
        {
            JsonInput.RequireObject(item, path);
            ids.Add(JsonInput.String(item, "id", path), path, "id");
            result.Add(bounds(item, path));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Left, int Right) ReadPair(JsonElement item, JsonPath path, AssignmentFormat format, IdTable left, IdTable right)
    {
        JsonInput.RequireObject(item, path);
        int l = left.Find(JsonInput.String(item, format.LeftKey, path), path, format.LeftKey);
        int r = right.Find(JsonInput.String(item, format.RightKey, path), path, format.RightKey);
        return (l, r);
    }
}
