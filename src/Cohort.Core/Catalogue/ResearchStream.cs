namespace Cohort.Core.Catalogue;

/// <summary>
/// A stream: one mentor, or a coalition of mentors who share one application and co-mentor, around a
/// research agenda. Named ResearchStream because "Stream" collides with System.IO.Stream everywhere.
/// </summary>
public class ResearchStream : CatalogueRecord
{
    public int TrackId { get; set; }
    public Track? Track { get; set; }
    public string Tagline { get; set; } = "";
    public string Topic { get; set; } = "";
    public StreamLocation Location { get; set; }
    public string? City { get; set; }
    public int Capacity { get; set; }
    public string DescriptionMarkdown { get; set; } = "";
    public string MentorshipStructureMarkdown { get; set; } = "";
    public string DesiredCharacteristicsMarkdown { get; set; } = "";
    public string ProjectSelectionMarkdown { get; set; } = "";
    public string FollowUps { get; set; } = "";

    public List<StreamMentor> Mentors { get; } = [];

    /// <summary>A coalition stream is co-mentored: applying to it means being considered by every mentor in it.</summary>
    public bool IsCoalition => Mentors.Count > 1;

    /// <summary>"Remote", or the kind of presence and the city: "In person, Lisbon".</summary>
    public string LocationLabel => Location == StreamLocation.Remote || string.IsNullOrEmpty(City)
        ? StreamLocations.Name(Location)
        : $"{StreamLocations.Name(Location)}, {City}";
}

public enum StreamLocation
{
    Remote,
    InPerson,
    Hybrid,
}
