namespace Cohort.Core.Catalogue;

/// <summary>A track groups streams that share a way of working (the Empirical track runs hands-on experiments).</summary>
public class Track : CatalogueRecord
{
    public int SeasonId { get; set; }
    public Season? Season { get; set; }
    public string SummaryMarkdown { get; set; } = "";
    public string MethodsMarkdown { get; set; } = "";
    public string AudienceMarkdown { get; set; } = "";

    public List<Stage> Stages { get; } = [];
    public List<ResearchStream> Streams { get; } = [];
}
