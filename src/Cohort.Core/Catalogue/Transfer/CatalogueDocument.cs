using System.Text.Json.Serialization;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>
/// The portable form of a season's catalogue: what `cohort export catalogue --format json` writes and
/// `cohort import catalogue` reads. Mentors and tracks are referred to by slug, never by database id,
/// so a file moves between installations. Properties have setters, not init accessors, because the source
/// generator assigns every init property (null when the file omits it), losing the defaults below.
/// </summary>
public sealed record CatalogueDocument
{
    public SeasonDocument? Season { get; set; }
    public List<TrackDocument> Tracks { get; set; } = [];
    public List<MentorDocument> Mentors { get; set; } = [];
    public List<StreamDocument> Streams { get; set; } = [];
    public List<KeyDateDocument> KeyDates { get; set; } = [];
    public List<FaqDocument> Faq { get; set; } = [];
}

public sealed record SeasonDocument
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string Tagline { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateOnly ProgrammeStart { get; set; }
    public DateOnly ProgrammeEnd { get; set; }
    public int MinimumAge { get; set; } = 18;
    public string Eligibility { get; set; } = "";
}

public sealed record TrackDocument
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string Summary { get; set; } = "";
    public string Methods { get; set; } = "";
    public string Audience { get; set; } = "";
    public List<StageDocument> Stages { get; set; } = [];
}

public sealed record StageDocument
{
    /// <summary>"general", "assessment", "streams" or "extension": what the stage is for (see <see cref="StageKinds.Named"/>).</summary>
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string Description { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
}

public sealed record MentorDocument
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string Affiliation { get; set; } = "";
    public string Bio { get; set; } = "";
    public string? Email { get; set; }
}

public sealed record StreamDocument
{
    public string? Slug { get; set; }
    public string? Track { get; set; }
    public string? Name { get; set; }
    public string Tagline { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Location { get; set; } = "Remote";
    public string? City { get; set; }
    public int Capacity { get; set; }
    public string Description { get; set; } = "";
    public string MentorshipStructure { get; set; } = "";
    public string DesiredCharacteristics { get; set; } = "";
    public string ProjectSelection { get; set; } = "";
    public string FollowUps { get; set; } = "";
    public List<string> Mentors { get; set; } = [];
}

public sealed record KeyDateDocument
{
    public string? Title { get; set; }
    public DateTime At { get; set; }
    public string Description { get; set; } = "";
}

public sealed record FaqDocument
{
    public string? Question { get; set; }
    public string Answer { get; set; } = "";
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true, AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CatalogueDocument))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
