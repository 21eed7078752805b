using System.Text.Json;
using Cohort.Matching.Assignment;
using Cohort.Matching.Diagnosis;

namespace Cohort.Cli.Matching;

/// <summary>
/// How one assignment command spells its instance and result: `match optimal` (applicants,
/// mentors, scores, forbidden) and `reviewers assign` (applications, reviewers, affinities,
/// conflicts) are the same problem under different names and defaults.
/// </summary>
internal sealed record AssignmentFormat(
    string LeftList,
    string LeftKey,
    string RightList,
    string RightKey,
    string PairList,
    string ForbiddenList,
    string ResultList,
    bool ListUnmatched,
    Vocabulary Words,
    Func<JsonElement, JsonPath, Bounds> LeftBounds,
    Func<JsonElement, JsonPath, Bounds> RightBounds)
{
    /// <summary>`match optimal`: applicants 0..1 by default, mentors 0..capacity.</summary>
    public static AssignmentFormat Optimal { get; } = new(
        "applicants", "applicant", "mentors", "mentor", "scores", "forbidden", "matches", true, ContractWords.Matching,
        (item, path) => ReadBounds(item, path, "max", 1),
        (item, path) => ReadBounds(item, path, "max", JsonInput.Count(item, "capacity", path)));

    /// <summary>`reviewers assign`: each application exactly `reviews`, reviewers min (default 0) .. max.</summary>
    public static AssignmentFormat Reviewers { get; } = new(
        "applications", "application", "reviewers", "reviewer", "affinities", "conflicts", "assignments", false, Vocabulary.Reviewers,
        (item, path) =>
        {
            int reviews = JsonInput.Count(item, "reviews", path) ?? throw new InvalidInputException($"{path.Field("reviews")}: missing");
            return new Bounds(reviews, reviews);
        },
        (item, path) => ReadBounds(item, path, "max", null));

    private static Bounds ReadBounds(JsonElement item, JsonPath path, string maxName, int? defaultMax)
    {
        int min = JsonInput.Count(item, "min", path) ?? 0;
        int max = JsonInput.Count(item, maxName, path) ?? defaultMax
            ?? throw new InvalidInputException($"{path.Field(maxName)}: missing");
        return min <= max ? new Bounds(min, max) : throw new InvalidInputException($"{path.Field("min")}: {min} exceeds max {max}");
    }
}
