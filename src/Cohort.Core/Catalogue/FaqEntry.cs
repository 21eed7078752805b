namespace Cohort.Core.Catalogue;

public class FaqEntry : IPublicContent
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public int Position { get; set; }
    public required string Question { get; set; }
    public string AnswerMarkdown { get; set; } = "";
}
