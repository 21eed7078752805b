using Cohort.Core.Data;

namespace Cohort.Core.Catalogue;

/// <summary>A track groups streams that share a way of working (the Empirical track runs hands-on experiments).</summary>
public class Track : IVersioned
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public Season? Season { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string SummaryMarkdown { get; set; } = "";
    public string MethodsMarkdown { get; set; } = "";
    public string AudienceMarkdown { get; set; } = "";
    public int Version { get; set; }

    public List<Stage> Stages { get; } = [];
    public List<ResearchStream> Streams { get; } = [];
}
