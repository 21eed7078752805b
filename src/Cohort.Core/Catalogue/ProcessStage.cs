namespace Cohort.Core.Catalogue;

/// <summary>One stage of a track's application process, with the window in which it is open (UTC).</summary>
public class ProcessStage
{
    public int Id { get; set; }
    public int TrackId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public string DescriptionMarkdown { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
}
