namespace Cohort.Core.Applications;

/// <summary>One question of a form (stage 1). Its kind decides how an answer is entered and checked.</summary>
public class Question : QuestionDefinition
{
    public int FormId { get; set; }

    /// <summary>What the answer is used for beyond reading it, such as checking the minimum age.</summary>
    public QuestionPurpose Purpose { get; set; }
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

    /// <summary>A short text naming the applicant's university or employer: a reviewer of the same organisation has a conflict.</summary>
    Organisation,
}
