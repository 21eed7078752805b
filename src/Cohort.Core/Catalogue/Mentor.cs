namespace Cohort.Core.Catalogue;

/// <summary>A mentor's public profile. <see cref="UserId"/> links it to the account the mentor signs in with.</summary>
public class Mentor : CatalogueRecord
{
    public int SeasonId { get; set; }
    public string Affiliation { get; set; } = "";
    public string BioMarkdown { get; set; } = "";
    /// <summary>Contact address used to link the profile to an account; never shown publicly.</summary>
    public string? Email { get; set; }
    public string? UserId { get; set; }

    public List<StreamMentor> Streams { get; } = [];
}
