namespace Cohort.Core.Catalogue;

/// <summary>
/// One stage of a track's selection, with the window in which it is open (UTC). Code finds a stage by its
/// <see cref="Kind"/>; <see cref="Position"/> only orders the stages on pages ("Stage 1", "Stage 2"...).
/// </summary>
public class Stage : IPublicContent
{
    public int Id { get; set; }
    public int TrackId { get; set; }
    public Track? Track { get; set; }
    public StageKind Kind { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public string DescriptionMarkdown { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
}
