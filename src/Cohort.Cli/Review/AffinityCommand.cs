using System.CommandLine;
using System.Diagnostics;
using Cohort.Cli.Matching;
using Cohort.Core.Embeddings;

namespace Cohort.Cli.Review;

/// <summary>
/// <c>cohort affinity INPUT.json</c>: how close in meaning each item's text is to each reviewer's, offline, by the
/// model and method the app uses (docs/affinity.md); for each item its <c>top</c> reviewers, best first, with a score in
/// [0, 1] and the sentence pairs that matched best, and <c>stats</c> (<c>model</c>, <c>embedMs</c>). The model runs
/// on ONNX Runtime, which the native executable does not carry, so the full build runs this command.
/// </summary>
internal static class AffinityCommand
{
    /// <summary>Sentence pairs shown per item and reviewer.</summary>
    private const int WhyPairs = 2;

    public static Command Create()
    {
        var input = new Argument<string>("INPUT.json")
        {
            Description = """Items and reviewers as {"items":[{"id","text"}],"reviewers":[{"id","text"}],"top":K}""",
        };
        var command = new Command("affinity", "Score each item's text against each reviewer's with the embedding model, offline") { input };
        command.SetAction(parse => CommandBoundary.Run(progress =>
        {
            progress.Stage("reading the input");
            var affinityInput = AffinityInput.Read(JsonInput.ReadFile(parse.GetValue(input)!));
            progress.Stage("embedding the texts");
            using var model = new MiniLmEmbedder();
            var clock = Stopwatch.StartNew();
            var affinity = SemanticAffinity.BuildAsync(affinityInput.ItemTexts, affinityInput.ReviewerTexts, new UncachedVectors(model), SemanticMethod.Chosen)
                .GetAwaiter().GetResult();
            long embedMs = clock.ElapsedMilliseconds;
            progress.Stage("writing the result");
            Write(affinityInput, affinity, embedMs);
        }));
        return command;
    }

    private static void Write(AffinityInput input, SemanticAffinity affinity, long embedMs)
    {
        using var result = ResultJson.OpenForText();
        var writer = result.Writer;
        writer.WriteStartArray("items");
        for (int item = 0; item < input.ItemIds.Count; item++)
        {
            writer.WriteStartObject();
            writer.WriteString("id", input.ItemIds[item]);
            writer.WriteStartArray("reviewers");
            var best = Enumerable.Range(0, input.ReviewerIds.Count).Select(r => (Reviewer: r, Score: affinity.Score(item, r)))
                .OrderByDescending(p => p.Score).ThenBy(p => p.Reviewer).Take(input.Top);
            foreach (var (reviewer, score) in best)
            {
                writer.WriteStartObject();
                writer.WriteString("id", input.ReviewerIds[reviewer]);
                writer.WriteNumber("score", Math.Round(score, 4));
                writer.WriteStartArray("why");
                foreach (var pair in affinity.Why(item, reviewer, WhyPairs))
                {
                    writer.WriteStartObject();
                    writer.WriteString("item", pair.ItemSentence);
                    writer.WriteString("reviewer", pair.ReviewerSentence);
                    writer.WriteNumber("similarity", Math.Round(pair.Similarity, 4));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("stats");
        writer.WriteString("model", affinity.Model);
        writer.WriteNumber("embedMs", embedMs);
        writer.WriteEndObject();
    }
}
