using System.Text.Json.Serialization;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>
/// The portable form of a season's catalogue: what `cohort export catalogue --format json` writes and
/// `cohort import catalogue` reads. Mentors and tracks are referred to by slug, never by database id,
/// so a file moves between installations.
/// </summary>
public sealed record CatalogueDocument
{
    public SeasonDocument? Season { get; init; }
    public List<TrackDocument> Tracks { get; init; } = [];
    public List<MentorDocument> Mentors { get; init; } = [];
    public List<StreamDocument> Streams { get; init; } = [];
    public List<KeyDateDocument> KeyDates { get; init; } = [];
    public List<FaqDocument> Faq { get; init; } = [];
}

public sealed record SeasonDocument
{
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public string Tagline { get; init; } = "";
    public string Summary { get; init; } = "";
    public DateOnly ProgrammeStart { get; init; }
    public DateOnly ProgrammeEnd { get; init; }
    public int MinimumAge { get; init; } = 18;
    public string Eligibility { get; init; } = "";
}

public sealed record TrackDocument
{
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public string Summary { get; init; } = "";
    public string Methods { get; init; } = "";
    public string Audience { get; init; } = "";
    public List<StageDocument> Stages { get; init; } = [];
}

public sealed record StageDocument
{
    public string? Name { get; init; }
    public string Description { get; init; } = "";
    public DateTime OpensAt { get; init; }
    public DateTime ClosesAt { get; init; }
}

public sealed record MentorDocument
{
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public string Affiliation { get; init; } = "";
    public string Bio { get; init; } = "";
    public string? Email { get; init; }
}

public sealed record StreamDocument
{
    public string? Slug { get; init; }
    public string? Track { get; init; }
    public string? Name { get; init; }
    public string Tagline { get; init; } = "";
    public string Topic { get; init; } = "";
    public string Location { get; init; } = "Remote";
    public string? City { get; init; }
    public int Capacity { get; init; }
    public string Description { get; init; } = "";
    public string MentorshipStructure { get; init; } = "";
    public string DesiredCharacteristics { get; init; } = "";
    public string ProjectSelection { get; init; } = "";
    public string FollowUps { get; init; } = "";
    public List<string> Mentors { get; init; } = [];
}

public sealed record KeyDateDocument
{
    public string? Title { get; init; }
    public DateTime At { get; init; }
    public string Description { get; init; } = "";
}

public sealed record FaqDocument
{
    public string? Question { get; init; }
    public string Answer { get; init; } = "";
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true, AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CatalogueDocument))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
