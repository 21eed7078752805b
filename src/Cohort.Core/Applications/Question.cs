namespace Cohort.Core.Applications;

/// <summary>One question of a form (stage 1). Its kind decides how an answer is entered and checked.</summary>
public class Question : QuestionDefinition
{
    public int FormId { get; set; }

    /// <summary>
    /// The research-area question: its first chosen option is the application's topic for bridging in reviewer
    /// assignment and for calibration's diagnostic. Only a choice question may carry it, and one per form.
    /// </summary>
    public bool DefinesTopic { get; set; }
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
