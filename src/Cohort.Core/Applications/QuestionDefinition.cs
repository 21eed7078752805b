namespace Cohort.Core.Applications;

/// <summary>
/// What a question asks and how an answer is entered and checked: the part stage 1's questions and stage 3's
/// stream questions have in common, so both stages accept the same answers through <see cref="AnswerRules"/> and
/// render through the same field. Not an entity itself: each subclass is its own table with these columns.
/// </summary>
public abstract class QuestionDefinition
{
    public int Id { get; set; }
    public int Position { get; set; }

    /// <summary>A stable name for the question, used in exports and answers' field names; unique within its form or season.</summary>
    public required string Key { get; set; }

    public required string Prompt { get; set; }
    public string Help { get; set; } = "";
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }

    /// <summary>For long text: the most words an answer may have; 0 for no limit.</summary>
    public int MaxWords { get; set; }

    /// <summary>For single and multiple choice: the options, one a line.</summary>
    public string ChoicesText { get; set; } = "";

    /// <summary>What the answer says about who the applicant is: blind review hides it as the season's settings say.</summary>
    public IdentityFlag Identity { get; set; }

    /// <summary>
    /// The applicant's research statement, or part of it: what affinity's text similarity reads of an application and
    /// what a reviewer bidding sees of it. Only written questions (short or long text) carry it; a form may mark several.
    /// </summary>
    public bool IsResearchStatement { get; set; }

    public IReadOnlyList<string> Choices =>
        ChoicesText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
