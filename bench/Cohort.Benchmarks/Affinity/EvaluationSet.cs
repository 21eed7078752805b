using System.Text.Json;

namespace Cohort.Benchmarks.Affinity;

/// <summary>
/// bench/affinity/evaluation.json: fictional research statements by topic, each topic with two reviewers (an
/// expertise statement and expertise tags, as a reviewer's profile has them). An item's right reviewers are its topic's.
/// </summary>
public sealed record EvaluationSet(string Description, IReadOnlyList<EvaluationTopic> Topics)
{
    public const string FileName = "affinity/evaluation.json";

    public IReadOnlyList<(EvaluationText Item, EvaluationTopic Topic)> Items =>
        [.. Topics.SelectMany(t => t.Items.Select(i => (i, t)))];

    public IReadOnlyList<(EvaluationReviewer Reviewer, EvaluationTopic Topic)> Reviewers =>
        [.. Topics.SelectMany(t => t.Reviewers.Select(r => (r, t)))];

    /// <summary>Reads the set copied beside the bench's binaries.</summary>
    public static EvaluationSet Read() =>
        JsonSerializer.Deserialize<EvaluationSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, FileName)), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"{FileName} is empty.");
}

public sealed record EvaluationTopic(string Id, string Name, IReadOnlyList<EvaluationReviewer> Reviewers, IReadOnlyList<EvaluationText> Items);

public sealed record EvaluationReviewer(string Id, string Text, IReadOnlyList<string> Tags);

public sealed record EvaluationText(string Id, string Text);
