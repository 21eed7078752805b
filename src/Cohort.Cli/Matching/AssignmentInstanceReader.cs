using System.Runtime.CompilerServices;
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

        var pairs = new List<ScoredPair>();
        var scored = new HashSet<long>();
        foreach (var (item, path) in JsonInput.Array(root, format.PairList))
        {
            var (l, r) = ReadPair(item, path, format, left, right);
            if (!scored.Add(((long)l << 32) | (uint)r))
            {
                throw new InvalidInputException($"{path}: the pair ({left.Ids[l]}, {right.Ids[r]}) is scored twice");
            }

            pairs.Add(new ScoredPair(l, r, JsonInput.Score(item, "score", path)));
        }

        var forbidden = JsonInput.Array(root, format.ForbiddenList, optional: true)
            .Select(x => ReadPair(x.Item, x.Path, format, left, right))
            .ToList();
        return new AssignmentInput(new AssignmentProblem(leftBounds, rightBounds, pairs, forbidden), left.Ids, right.Ids);
    }

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
