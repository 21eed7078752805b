using System.Text.Json;
using System.Text.Json.Serialization;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// Runs axe-core, the copy Deque.AxeCore.Commons ships, in the page and returns its blocking violations.
/// Deque.AxeCore.Playwright's RunAxe took about 2 s of chromium and test-process CPU a page, nearly all of it fixed cost
/// (one trivial rule cost as much as all of them); injecting the script and asking the page for only the fields the
/// checks report takes about 0.4 s (docs/performance.md, "Test suite").
/// </summary>
public static class Axe
{
    private const string ScriptResource = "Deque.AxeCore.Commons.Resources.axe.min.js";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Deque.AxeCore.Commons no longer ships {ScriptResource}; find where its axe script went.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    // Every rule axe runs by default; only the impacts asked for come back, each node as its selector and its markup.
    private const string RunScript = """
        async (impacts) => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(results.violations
                .filter(v => impacts.includes(v.impact))
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target.flat().join(' '), html: n.html })) })));
        }
        """;

    /// <summary>The violations of <paramref name="impacts"/> (e.g. "serious", "critical") on the page now open.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(IPage page, IReadOnlyCollection<string> impacts)
    {
        // axe checks a child frame with the copy injected into it, as the package did.
        foreach (var frame in page.Frames)
        {
            await frame.EvaluateAsync(Script.Value);
        }

        return JsonSerializer.Deserialize<List<AxeViolation>>(await page.EvaluateAsync<string>(RunScript, impacts))!;
    }
}

public sealed record AxeViolation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("impact")] string Impact,
    [property: JsonPropertyName("help")] string Help,
    [property: JsonPropertyName("nodes")] AxeNode[] Nodes);

public sealed record AxeNode(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("html")] string Html);
