using Cohort.Core.Data;

namespace Cohort.Core.Review;

/// <summary>
/// Which fields of an application are identity fields, hidden from reviewers in pages and in the API. One per
/// season; a season without one hides everything that can identify (the safe default).
/// </summary>
public class BlindSettings : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public bool HideName { get; set; } = true;
    public bool HideEmail { get; set; } = true;
    public bool HideCvFileName { get; set; } = true;
    public bool HideUrls { get; set; } = true;

    /// <summary>Keys of further questions whose answers are hidden (e.g. "full-name", "affiliation"), one a line.</summary>
    public string HiddenQuestionKeysText { get; set; } = "";

    public int Version { get; set; }

    public IReadOnlyList<string> HiddenQuestionKeys => HiddenQuestionKeysText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// One part of a stage's composite score and its weight: a stage 2 assessment's score, or a review round's
/// calibrated score. Weights are relative; a stage's composite is the weighted mean of its parts.
/// </summary>
public class ScoreWeight : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public Pipeline.PipelineStage Stage { get; set; }

    /// <summary>Set for an assessment's score.</summary>
    public int? AssessmentId { get; set; }

    /// <summary>Set for a review round's calibrated score.</summary>
    public int? RoundId { get; set; }

    public double Weight { get; set; }
    public int Version { get; set; }
}
