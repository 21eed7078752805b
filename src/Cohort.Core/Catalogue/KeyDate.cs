namespace Cohort.Core.Catalogue;

/// <summary>A dated milestone of the season, published on /dates and in /dates.ics.</summary>
public class KeyDate : IPublicContent
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public required string Title { get; set; }
    public DateTime At { get; set; }
    public string Description { get; set; } = "";
}
