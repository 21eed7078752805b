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

    /// <summary>Applicants (the default: the result is the best stable one for every applicant) or Streams.</summary>
    public MatchProposer Proposer { get; set; }

    /// <summary>The <see cref="MatchInput"/> as JSON: capacities and both sides' rankings, by id and name.</summary>
    public required string InputJson { get; set; }

    /// <summary>The <see cref="MatchResult"/> as JSON: placements, explanations and the stability certificate.</summary>
    public required string ResultJson { get; set; }

    public int Matched { get; set; }
    public int Unmatched { get; set; }
    public bool Stable { get; set; }

    /// <summary>When the run's placements became offers; null while it is a preview. A run is published once.</summary>
    public DateTime? PublishedAt { get; set; }

    public int Version { get; set; }
}

public enum MatchProposer
{
    Applicants,
    Streams,
}
