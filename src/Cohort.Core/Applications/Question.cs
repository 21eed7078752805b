namespace Cohort.Core.Applications;

/// <summary>One question of a form. Its kind decides how an answer is entered and checked.</summary>
public class Question
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Position { get; set; }

    /// <summary>A stable name for the question, used in exports and eligibility rules; unique within its form.</summary>
    public required string Key { get; set; }

    public required string Prompt { get; set; }
    public string Help { get; set; } = "";
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }

    /// <summary>For long text: the most words an answer may have; 0 for no limit.</summary>
    public int MaxWords { get; set; }

    /// <summary>For single and multiple choice: the options, one a line.</summary>
    public string ChoicesText { get; set; } = "";

    /// <summary>What the answer is used for beyond reading it, such as checking the minimum age.</summary>
    public QuestionPurpose Purpose { get; set; }

    public IReadOnlyList<string> Choices =>
        ChoicesText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum QuestionKind
{
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    Url,
    Date,
    File,
}

public enum QuestionPurpose
{
    None,

    /// <summary>A date answer holding the applicant's date of birth, checked against the season's minimum age.</summary>
    DateOfBirth,
}
