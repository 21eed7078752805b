using Cohort.Core.Data;

namespace Cohort.Core.Review;

/// <summary>
/// How reviewers score one kind of application: criteria, each on a numeric scale with anchor descriptions, and
/// an overall recommendation. A rubric belongs to a season and is chosen by each review round.
/// </summary>
public class Rubric : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public required string Name { get; set; }
    public string InstructionsMarkdown { get; set; } = "";
    public int Version { get; set; }

    public List<RubricCriterion> Criteria { get; } = [];
}

/// <summary>One criterion: a scale from <see cref="ScaleMin"/> to <see cref="ScaleMax"/> and what its points mean.</summary>
public class RubricCriterion
{
    public int Id { get; set; }
    public int RubricId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int ScaleMin { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;

    /// <summary>Anchor descriptions, one a line, "N: what a score of N looks like", for some or all points of the scale.</summary>
    public string AnchorsText { get; set; } = "";

    /// <summary>The criterion's share of a review's overall score, relative to the other criteria' weights.</summary>
    public double Weight { get; set; } = 1;
}

/// <summary>A reviewer's overall recommendation, besides the criteria scores.</summary>
public enum Recommendation
{
    StrongReject,
    Reject,
    Borderline,
    Accept,
    StrongAccept,
}
