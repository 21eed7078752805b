using Cohort.Core.Data;

namespace Cohort.Core.Catalogue;

/// <summary>A mentor's public profile. <see cref="UserId"/> links it to the account the mentor signs in with.</summary>
public class Mentor : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Affiliation { get; set; } = "";
    public string BioMarkdown { get; set; } = "";
    /// <summary>Contact address used to link the profile to an account; never shown publicly.</summary>
    public string? Email { get; set; }
    public string? UserId { get; set; }
    public int Version { get; set; }

    public List<StreamMentor> Streams { get; } = [];
}
