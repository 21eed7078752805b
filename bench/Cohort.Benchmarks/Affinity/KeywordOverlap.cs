using System.Text.RegularExpressions;

namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// How much an item's words give away its topic: the Jaccard overlap of content words (three letters or more, common
/// words left out) between each item and its topic's reviewer statements, against the other topics' reviewers, and
/// how many items name one of their topic reviewers' expertise tags (all that the keyword signal can see).
/// </summary>
public static partial class KeywordOverlap
{
    private static readonly HashSet<string> Common =
    [
        "the", "and", "for", "that", "this", "with", "are", "was", "were", "from", "have", "has", "can", "not", "but",
        "how", "what", "which", "when", "who", "whether", "would", "like", "want", "will", "into", "their", "they", "them",
        "its", "our", "about", "more", "than", "such", "also", "then", "use", "using", "work", "study", "project", "propose",
        "plan", "research", "model", "models", "review", "could", "should", "does", "one", "two", "all", "any", "each",
    ];

    public static void Report(EvaluationSet set)
    {
        double own = 0, other = 0;
        int otherCount = 0, ownTag = 0, otherTag = 0;
        foreach (var (item, topic) in set.Items)
        {
            var words = Words(item.Text);
            foreach (var (reviewer, reviewerTopic) in set.Reviewers)
            {
                double jaccard = Jaccard(words, Words(reviewer.Text));
                if (reviewerTopic.Id == topic.Id)
                {
                    own += jaccard / topic.Reviewers.Count;
                }
                else
                {
                    other += jaccard;
                    otherCount++;
                }
            }

            ownTag += topic.Reviewers.SelectMany(r => r.Tags).Any(t => Core.Review.Affinity.ContainsWord(item.Text, t)) ? 1 : 0;
            otherTag += set.Topics.Where(t => t.Id != topic.Id).SelectMany(t => t.Reviewers).SelectMany(r => r.Tags)
                .Any(t => Core.Review.Affinity.ContainsWord(item.Text, t)) ? 1 : 0;
        }

        int items = set.Items.Count;
        Console.WriteLine($"keyword overlap: content-word Jaccard with own topic's reviewers {own / items:0.000}, with other topics' {other / otherCount:0.000}; " +
            $"items naming one of their topic reviewers' tags {ownTag}/{items}, another topic's {otherTag}/{items}");
    }

    private static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !Common.Contains(w))];

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : a.Intersect(b).Count() / (double)a.Union(b).Count();

    [GeneratedRegex(@"[a-z]{3,}")]
    private static partial Regex WordPattern();
}
