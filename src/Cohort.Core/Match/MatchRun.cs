using Cohort.Core.Data;

namespace Cohort.Core.Match;

/// <summary>
/// One run of the match, stored with the inputs it read and the result it gave, so any run can be shown, compared
/// with another and reproduced later, whatever changed in the rankings since.
/// </summary>
public class MatchRun : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>How the run matched: a stable match with applicants (the default) or streams proposing, or the optimum on scores.</summary>
    public MatchAlgorithm Algorithm { get; set; }

    /// <summary>The <see cref="MatchInput"/> as JSON: capacities and both sides' rankings, by id and name.</summary>
    public required string InputJson { get; set; }

    /// <summary>The <see cref="MatchResult"/> as JSON: placements, explanations and the stability certificate.</summary>
    public required string ResultJson { get; set; }

    public int Matched { get; set; }
    public int Unmatched { get; set; }
    /// <summary>
    /// The run's own certificate held: for a stable run, the independent check found no blocking pair; for a run
    /// optimal on scores, the duals proved no assignment of acceptable pairs scores more. Only such a run is published.
    /// </summary>
    public bool Certified { get; set; }

    /// <summary>When the run's placements became offers; null while it is a preview. A run is published once.</summary>
    public DateTime? PublishedAt { get; set; }

    public int Version { get; set; }
}

public enum MatchAlgorithm
{
    /// <summary>Stable, applicants proposing: every applicant gets the best stream they can have in any stable match.</summary>
    Applicants,

    /// <summary>Stable, streams proposing: every stream gets the best applicants it can have in any stable match.</summary>
    Streams,

    /// <summary>
    /// Optimal on scores: among the pairs both sides find acceptable, the placements whose streams' scores of their
    /// applicants add up to the most, ties going to the applicants' preferences. Not stable in general.
    /// </summary>
    Scores,
}

public static class MatchAlgorithms
{
    /// <summary>How pages, mails and the audit log name the algorithm.</summary>
    public static string Describe(this MatchAlgorithm algorithm) => algorithm switch
    {
        MatchAlgorithm.Streams => "stable, streams proposing",
        MatchAlgorithm.Scores => "optimal on scores",
        _ => "stable, applicants proposing",
    };
}
