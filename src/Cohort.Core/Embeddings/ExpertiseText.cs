namespace Cohort.Core.Embeddings;

/// <summary>
/// What a reviewer's side of the affinity reads: their expertise statement, then their expertise tags as one more
/// sentence ("Expertise: a, b, c."). The tags are the reviewer's own short names for their fields, so as a sentence
/// they give the best-match method a clean unit to match (docs/affinity.md measures the gain).
/// </summary>
public static class ExpertiseText
{
    public static string Of(string statement, IEnumerable<string> tags)
    {
        var named = tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var tagSentence = named.Count == 0 ? "" : $"Expertise: {string.Join(", ", named)}.";
        return string.Join("\n\n", new[] { statement.Trim(), tagSentence }.Where(part => part.Length > 0));
    }
}
