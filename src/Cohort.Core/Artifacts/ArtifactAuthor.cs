namespace Cohort.Core.Artifacts;

/// <summary>
/// One author of an artifact, in byline order: a fellow of the season (who then owns the artifact with the others), a
/// mentor of the season, or someone from outside named in free text. Exactly one of the three is set.
/// </summary>
public class ArtifactAuthor
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }
    public int ArtifactId { get; set; }
    public int Position { get; set; }
    public int? FellowshipId { get; set; }
    public int? MentorId { get; set; }

    /// <summary>An outside author's name as it appears in the byline; empty for a fellow or a mentor.</summary>
    public string Name { get; set; } = "";
}
