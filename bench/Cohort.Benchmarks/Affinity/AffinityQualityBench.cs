using System.Diagnostics;
using Cohort.Core.Embeddings;
using Cohort.Core.Review;
using Cohort.Matching.Assignment;

namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// <c>affinity-quality [APPLICANTS]</c>: on the evaluation set (bench/affinity/evaluation.json), for keyword-only and,
/// for each model (the app's all-MiniLM-L6-v2, and snowflake-arctic-embed-xs without and with its query prefix), each
/// embedding method (<see cref="SemanticMethod.All"/>) over three readings of the reviewer's side, and blends of the
/// chosen method with the keywords at several weights: top-1 and top-3 accuracy of finding an item's topic reviewers,
/// on all topics and on each half of them (<see cref="HeldOutSplit"/>), and the optimal assignment (2 reviewers per
/// item, every reviewer the same load) through the solver the app uses, its total affinity and how many of its pairs
/// are on topic. Then each model's throughput, and the time for the app's model to embed and score a season of
/// APPLICANTS statements (default 2,500, 0 skips it) and 100 reviewers. docs/performance.md ("Affinity") has the figures.
/// </summary>
public static class AffinityQualityBench
{
    private const int ReviewersPerItem = 2;
    private const int TieBreaks = 200;

    public static async Task<int> RunAsync(int seasonApplicants)
    {
        var set = EvaluationSet.Read();
        var items = set.Items;
        var reviewers = set.Reviewers;
        Console.WriteLine($"evaluation set: {set.Topics.Count} topics, {items.Count} items, {reviewers.Count} reviewers");
        KeywordOverlap.Report(set);

        var itemTexts = items.Select(i => i.Item.Text).ToList();
        bool[,] right = new bool[items.Count, reviewers.Count];
        for (int i = 0; i < items.Count; i++)
        {
            for (int r = 0; r < reviewers.Count; r++)
            {
                right[i, r] = items[i].Topic.Id == reviewers[r].Topic.Id;
            }
        }

        var points = new int[items.Count, reviewers.Count];
        for (int i = 0; i < items.Count; i++)
        {
            for (int r = 0; r < reviewers.Count; r++)
            {
                points[i, r] = Core.Review.Affinity.Of([], reviewers[r].Reviewer.Tags, [], items[i].Item.Text);
            }
        }

        var choosing = HeldOutSplit.Of(set);
        Console.WriteLine();
        Console.WriteLine($"| model | affinity | top-1 | top-3 | top-1, topics 1–{choosing.ChoosingTopics} | top-3, topics 1–{choosing.ChoosingTopics} | " +
            $"top-1, topics {choosing.ChoosingTopics + 1}–{set.Topics.Count} | top-3, topics {choosing.ChoosingTopics + 1}–{set.Topics.Count} | " +
            "assignment: total affinity | assignment: pairs on topic |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row("none", "keyword and tag points only", (i, r) => points[i, r] / (double)Core.Review.Affinity.Max, right, choosing);

        var chosenByModel = new List<SemanticAffinity>();
        foreach (var embedder in new SentenceEncoderEmbedder[] { new MiniLmEmbedder(), new ArcticXsEmbedder(prefixed: false), new ArcticXsEmbedder(prefixed: true) })
        {
            using var model = embedder;
            var source = new RememberedVectors(model);
            SemanticAffinity? chosen = null;
            foreach (var (sides, reviewerText) in ReviewerTexts)
            {
                var reviewerTexts = reviewers.Select(r => reviewerText(r.Reviewer)).ToList();
                foreach (var method in SemanticMethod.All)
                {
                    var semantic = await SemanticAffinity.BuildAsync(itemTexts, reviewerTexts, source, method);
                    Row(model.Model, $"embedding only: {method.Name}; reviewer's {sides}", semantic.Score, right, choosing);
                    if (method == SemanticMethod.Chosen)
                    {
                        Row(model.Model, $"embedding only: {method.Name}, less each reviewer's mean; reviewer's {sides}",
                            LessReviewerMeans(semantic.Score, items.Count, reviewers.Count), right, choosing);
                        chosen = sides == AppReviewerText ? semantic : chosen;
                    }
                }
            }

            chosenByModel.Add(chosen!);
            var defaults = new AffinityBlendOptions();
            foreach (var share in new[] { 0.5, defaults.EmbeddingShare, 0.7, 0.8, 0.9, 1.0 }.Distinct().Order())
            {
                var weights = new AffinityBlendOptions { EmbeddingWeight = share, KeywordWeight = 1 - share };
                var label = share == defaults.EmbeddingShare ? " (the default weights)" : "";
                Row(model.Model, $"blend {share:0.0} × {SemanticMethod.Chosen.Name} + {1 - share:0.0} × keywords{label}",
                    (i, r) => AffinityBlend.Of(chosen!.Score(i, r), points[i, r], weights), right, choosing);
            }

            Console.WriteLine();
            ShowWhy(set, chosen!);
            Throughput(model, [.. itemTexts, .. reviewers.Select(r => r.Reviewer.Text)]);
            // The season is embedded by the app's model only: the others lose on quality, and each season takes minutes.
            if (seasonApplicants > 0 && model is MiniLmEmbedder)
            {
                await SeasonAsync(model, set, seasonApplicants);
            }

            Console.WriteLine();
        }

        Row(string.Join(" + ", chosenByModel.Select(c => c.Model)), $"embedding only: mean of the models' {SemanticMethod.Chosen.Name}; reviewer's {AppReviewerText}",
            (i, r) => chosenByModel.Average(c => c.Score(i, r)), right, choosing);
        return 0;
    }

    private const string AppReviewerText = "statement and tags";

    /// <summary>
    /// What a reviewer's side reads: the statement alone; the statement with the tags as one sentence, as the app
    /// reads it (<see cref="ExpertiseText"/>); and the statement with each tag a sentence of its own, which gives the
    /// tags more weight in a sentence-level method.
    /// </summary>
    private static readonly (string Sides, Func<EvaluationReviewer, string> Text)[] ReviewerTexts =
    [
        ("statement", r => r.Text),
        (AppReviewerText, r => ExpertiseText.Of(r.Text, r.Tags)),
        ("statement and each tag a sentence", r => string.Join("\n\n", [r.Text, .. r.Tags.Select(t => ExpertiseText.Of("", [t]))])),
    ];

    /// <summary>
    /// Hubness: a reviewer whose statement is close to everything tops many items' lists. Taking each reviewer's mean
    /// score over the items away (and adding back the overall mean, to stay near the scale) ranks reviewers by how much
    /// closer an item is to them than their usual.
    /// </summary>
    private static Func<int, int, double> LessReviewerMeans(Func<int, int, double> affinity, int items, int reviewers)
    {
        var means = Enumerable.Range(0, reviewers).Select(r => Enumerable.Range(0, items).Average(i => affinity(i, r))).ToArray();
        double overall = means.Average();
        return (i, r) => Math.Clamp(affinity(i, r) - means[r] + overall, 0, 1);
    }

    private static void Row(string model, string name, Func<int, int, double> affinity, bool[,] right, HeldOutSplit split)
    {
        int items = right.GetLength(0), reviewers = right.GetLength(1);
        var scores = new double[items, reviewers];
        for (int i = 0; i < items; i++)
        {
            for (int r = 0; r < reviewers; r++)
            {
                scores[i, r] = affinity(i, r);
            }
        }

        var (top1, top3) = Accuracy(scores, right, _ => true);
        var (choosingTop1, choosingTop3) = Accuracy(scores, right, split.IsChoosing);
        var (heldOutTop1, heldOutTop3) = Accuracy(scores, right, i => !split.IsChoosing(i));
        var (total, onTopic) = Assign(scores, right);
        Console.WriteLine($"| {model} | {name} | {top1:0.000} | {top3:0.000} | {choosingTop1:0.000} | {choosingTop3:0.000} | " +
            $"{heldOutTop1:0.000} | {heldOutTop3:0.000} | {total:0.00} | {onTopic:0.000} |");
    }

    /// <summary>
    /// The share of items whose best-scored reviewer is one of their topic's (top-1), and whose three best-scored
    /// include one (top-3). Ties are broken at random, averaged over <see cref="TieBreaks"/> draws, so that a scorer
    /// giving many reviewers the same score (keywords often give 0) earns what a random pick among them would.
    /// </summary>
    private static (double Top1, double Top3) Accuracy(double[,] scores, bool[,] right, Func<int, bool> counted)
    {
        int reviewers = scores.GetLength(1);
        var items = Enumerable.Range(0, scores.GetLength(0)).Where(counted).ToList();
        var random = new Random(19);
        double top1 = 0, top3 = 0;
        for (int draw = 0; draw < TieBreaks; draw++)
        {
            foreach (int i in items)
            {
                var order = Enumerable.Range(0, reviewers).Select(r => (r, tie: random.Next()))
                    .OrderByDescending(x => scores[i, x.r]).ThenBy(x => x.tie).Select(x => x.r).ToList();
                top1 += right[i, order[0]] ? 1 : 0;
                top3 += order.Take(3).Any(r => right[i, r]) ? 1 : 0;
            }
        }

        return (top1 / (items.Count * TieBreaks), top3 / (items.Count * TieBreaks));
    }

    /// <summary>The optimal assignment of <see cref="ReviewersPerItem"/> reviewers per item with equal loads, as the app solves it.</summary>
    private static (decimal Total, double OnTopic) Assign(double[,] scores, bool[,] right)
    {
        int items = scores.GetLength(0), reviewers = scores.GetLength(1);
        int load = items * ReviewersPerItem / reviewers;
        var pairs = new List<ScoredPair>();
        for (int i = 0; i < items; i++)
        {
            for (int r = 0; r < reviewers; r++)
            {
                pairs.Add(new ScoredPair(i, r, AffinityBlend.Score(scores[i, r])));
            }
        }

        var problem = new AssignmentProblem(
            [.. Enumerable.Repeat(new Bounds(ReviewersPerItem, ReviewersPerItem), items)],
            [.. Enumerable.Repeat(new Bounds(load, load + 1), reviewers)], pairs);
        var result = AssignmentSolver.Solve(problem);
        var chosen = result.ChosenPairs.Select(k => pairs[k]).ToList();
        return (result.Objective, chosen.Count(p => right[p.Left, p.Right]) / (double)chosen.Count);
    }

    private static void ShowWhy(EvaluationSet set, SemanticAffinity affinity)
    {
        var (item, topic) = set.Items[0];
        int reviewer = set.Reviewers.ToList().FindIndex(r => r.Topic.Id == topic.Id);
        Console.WriteLine($"why {item.Id} ~ {set.Reviewers[reviewer].Reviewer.Id} ({affinity.Score(0, reviewer):0.000}):");
        foreach (var pair in affinity.Why(0, reviewer))
        {
            Console.WriteLine($"  {pair.Similarity:0.000}  \"{pair.ItemSentence}\"  ~  \"{pair.ReviewerSentence}\"");
        }
    }

    private static void Throughput(ITextEmbedder embedder, IReadOnlyList<string> texts)
    {
        var sentences = texts.SelectMany(SentenceSplitter.Split).ToList();
        embedder.Embed(sentences.Take(8).ToList());
        var clock = Stopwatch.StartNew();
        embedder.Embed(sentences);
        var sentenceSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        embedder.Embed(texts);
        var textSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"throughput of {embedder.Model}: {sentences.Count} sentences in {sentenceSeconds:0.00} s ({sentences.Count / sentenceSeconds:0} sentences/s); " +
            $"{texts.Count} whole statements in {textSeconds:0.00} s ({texts.Count / textSeconds:0} statements/s)");
    }

    /// <summary>
    /// A season of <paramref name="applicants"/> statements of five sentences drawn from the evaluation items' sentences,
    /// each with its own number so no two are equal, and 100 reviewers of three: embedded without a cache, then every
    /// applicant scored against every reviewer.
    /// </summary>
    private static async Task SeasonAsync(ITextEmbedder embedder, EvaluationSet set, int applicants)
    {
        const int Reviewers = 100;
        var pool = set.Items.SelectMany(i => SentenceSplitter.Split(i.Item.Text)).ToList();
        var random = new Random(2500);
        string Statement(int n, int sentences) =>
            string.Join(" ", Enumerable.Range(0, sentences).Select(k => pool[random.Next(pool.Count)].TrimEnd('.') + $" (part {n}.{k})."));
        var statements = Enumerable.Range(0, applicants).Select(n => Statement(n, 5)).ToList();
        var expertise = Enumerable.Range(0, Reviewers).Select(n => Statement(applicants + n, 3)).ToList();

        var clock = Stopwatch.StartNew();
        var affinity = await SemanticAffinity.BuildAsync(statements, expertise, new UncachedVectors(embedder), SemanticMethod.Chosen);
        var embedSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        double sum = 0;
        for (int a = 0; a < applicants; a++)
        {
            for (int r = 0; r < Reviewers; r++)
            {
                sum += affinity.Score(a, r);
            }
        }

        Console.WriteLine($"season: {applicants} statements of 5 sentences and {Reviewers} reviewers of 3 ({applicants * 5 + Reviewers * 3} sentences) " +
            $"embedded in {embedSeconds:0.0} s; {applicants * Reviewers} pairs scored in {clock.Elapsed.TotalSeconds:0.00} s (mean {sum / (applicants * Reviewers):0.000})");
    }
}
