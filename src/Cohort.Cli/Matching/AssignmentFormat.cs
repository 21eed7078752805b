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
    Func<CountField, JsonPath, Bounds> LeftBounds,
    Func<CountField, JsonPath, Bounds> RightBounds)
{
    /// <summary>`match optimal`: applicants 0..1 by default, mentors 0..capacity.</summary>
    public static AssignmentFormat Optimal { get; } = new(
        "applicants", "applicant", "mentors", "mentor", "scores", "forbidden", "matches", true, ContractWords.Matching,
        (count, path) => ReadBounds(count, path, "max", 1),
        (count, path) => ReadBounds(count, path, "max", count("capacity")));

    /// <summary>`reviewers assign`: each application exactly `reviews`, reviewers min (default 0) .. max.</summary>
    public static AssignmentFormat Reviewers { get; } = new(
        "applications", "application", "reviewers", "reviewer", "affinities", "conflicts", "assignments", false, Vocabulary.Reviewers,
        (count, path) =>
        {
            int reviews = count("reviews") ?? throw new InvalidInputException($"{path.Field("reviews")}: missing");
            return new Bounds(reviews, reviews);
        },
        (count, path) => ReadBounds(count, path, "max", null));

    private static Bounds ReadBounds(CountField count, JsonPath path, string maxName, int? defaultMax)
    {
        int min = count("min") ?? 0;
        int max = count(maxName) ?? defaultMax
            ?? throw new InvalidInputException($"{path.Field(maxName)}: missing");
        return min <= max ? new Bounds(min, max) : throw new InvalidInputException($"{path.Field("min")}: {min} exceeds max {max}");
    }
}

/// <summary>
/// A person's count field by name (<c>min</c>, <c>max</c>, <c>capacity</c>, <c>reviews</c>): a non-negative whole
/// number, or null when absent; anything else throws <see cref="InvalidInputException"/> naming the field.
/// </summary>
internal delegate int? CountField(string name);
