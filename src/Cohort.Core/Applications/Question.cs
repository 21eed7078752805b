namespace Cohort.Core.Applications;

/// <summary>One question of a form (stage 1). Its kind decides how an answer is entered and checked.</summary>
public class Question : QuestionDefinition
{
    public int FormId { get; set; }
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
