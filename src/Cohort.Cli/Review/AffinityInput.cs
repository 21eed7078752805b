using System.Text.Json;
using Cohort.Cli.Matching;

namespace Cohort.Cli.Review;

/// <summary>
/// The input of <c>cohort affinity</c>: <c>{"items":[{"id","text"}],"reviewers":[{"id","text"}],"top":K}</c>, ids unique
/// within their list, texts not empty, <c>top</c> a whole number of 1 or more (3 when absent). Every refusal names the
/// JSON path of what is wrong.
/// </summary>
internal sealed record AffinityInput(IReadOnlyList<string> ItemIds, IReadOnlyList<string> ItemTexts, IReadOnlyList<string> ReviewerIds, IReadOnlyList<string> ReviewerTexts, int Top)
{
    public const int DefaultTop = 3;

    public static AffinityInput Read(byte[] bytes)
    {
        using var document = JsonInput.Parse(bytes);
        var root = document.RootElement;
        var (itemIds, itemTexts) = Texts(root, "items", "item");
        var (reviewerIds, reviewerTexts) = Texts(root, "reviewers", "reviewer");
        return new AffinityInput(itemIds, itemTexts, reviewerIds, reviewerTexts, TopOf(root));
    }

    private static (IReadOnlyList<string> Ids, IReadOnlyList<string> Texts) Texts(JsonElement root, string list, string kind)
    {
        var ids = new IdTable(kind);
        var texts = new List<string>();
        foreach (var (entry, path) in JsonInput.Array(root, list))
        {
            JsonInput.RequireObject(entry, path);
            ids.Add(JsonInput.String(entry, "id", path), path, "id");
            texts.Add(JsonInput.String(entry, "text", path));
        }

        return (ids.Ids, texts);
    }

    private static int TopOf(JsonElement root)
    {
        if (!root.TryGetProperty("top", out var top) || top.ValueKind == JsonValueKind.Null)
        {
            return DefaultTop;
        }

        return top.ValueKind == JsonValueKind.Number && top.TryGetInt32(out int k) && k >= 1
            ? k
            : throw new InvalidInputException($"top: must be a whole number of 1 or more (got {top.GetRawText()})");
    }
}
