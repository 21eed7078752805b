using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohort.Matching.Assignment;

namespace Cohort.Cli.Matching;

/// <summary>An assignment instance as read from JSON, with its ids.</summary>
internal sealed record AssignmentInput(AssignmentProblem Problem, IReadOnlyList<string> LeftIds, IReadOnlyList<string> RightIds);

/// <summary>Reads an assignment instance in the spelling of an <see cref="AssignmentFormat"/>.</summary>
internal static class AssignmentInstanceReader
{
    /// <summary>The fast reader handles valid instances; the thorough one finds and names what is wrong.</summary>
    public static AssignmentInput Read(byte[] json, AssignmentFormat format)
    {
        if (AssignmentFastReader.TryRead(json, format) is { } input)
        {
            RequireEachPairOnce(input.Problem.Pairs, input.LeftIds, input.RightIds, format);
            return input;
        }

        return ReadThoroughly(json, format);
    }

    /// <summary>Reads through a JsonDocument, naming the first invalid field.</summary>
    internal static AssignmentInput ReadThoroughly(byte[] json, AssignmentFormat format)
    {
        using var document = JsonInput.Parse(json);
        var root = document.RootElement;
        var left = new IdTable(format.LeftKey);
        var right = new IdTable(format.RightKey);
        var leftBounds = ReadPeople(root, format.LeftList, left, format.LeftBounds);
        var rightBounds = ReadPeople(root, format.RightList, right, format.RightBounds);
        List<ScoredPair> pairs = [.. JsonInput.Array(root, format.PairList).Select(x =>
        {
            var (l, r) = ReadPair(x.Item, x.Path, format, left, right);
            return new ScoredPair(l, r, JsonInput.Score(x.Item, "score", x.Path));
        })];
        RequireEachPairOnce(pairs, left.Ids, right.Ids, format);

        var forbidden = JsonInput.Array(root, format.ForbiddenList, optional: true)
            .Select(x => ReadPair(x.Item, x.Path, format, left, right))
            .ToList();
        return new AssignmentInput(new AssignmentProblem(leftBounds, rightBounds, pairs, forbidden), left.Ids, right.Ids);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RequireEachPairOnce(IReadOnlyList<ScoredPair> pairs, IReadOnlyList<string> leftIds, IReadOnlyList<string> rightIds, AssignmentFormat format)
    {
        int rightCount = rightIds.Count;
        var scored = new HashSet<long>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            var (l, r) = (pairs[i].Left, pairs[i].Right);
            // l * |right| + r, not (l << 32) | r: long's hash folds the halves together, and
            // l ^ r would put a million pairs into a few thousand buckets.
            if (!scored.Add(((long)l * rightCount) + r))
            {
                throw new InvalidInputException($"{new JsonPath(format.PairList, i)}: the pair ({leftIds[l]}, {rightIds[r]}) is scored twice");
            }
        }
    }

    private static List<Bounds> ReadPeople(JsonElement root, string list, IdTable ids, Func<CountField, JsonPath, Bounds> bounds)
    {
        var result = new List<Bounds>();
        foreach (var (item, path) in JsonInput.Array(root, list))
        {
            JsonInput.RequireObject(item, path);
            ids.Add(JsonInput.String(item, "id", path), path, "id");
            result.Add(bounds(name => JsonInput.Count(item, name, path), path));
        }

        return result;
    }

    private static (int Left, int Right) ReadPair(JsonElement item, JsonPath path, AssignmentFormat format, IdTable left, IdTable right)
    {
        JsonInput.RequireObject(item, path);
        int l = left.Find(JsonInput.String(item, format.LeftKey, path), path, format.LeftKey);
        int r = right.Find(JsonInput.String(item, format.RightKey, path), path, format.RightKey);
        return (l, r);
    }
}
