using Cohort.Core.Applications;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// A stage 3 question. It is asked by one stream (stream-specific) or by several (shared); a shared question is
/// answered once per applicant and that answer is reused by every stream application that asks it.
/// </summary>
public class StreamQuestion
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public int Position { get; set; }

    /// <summary>A stable name for the question, unique within its season.</summary>
    public required string Key { get; set; }

    public required string Prompt { get; set; }
    public string Help { get; set; } = "";
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }
    public int MaxWords { get; set; }
    public string ChoicesText { get; set; } = "";

    public List<StreamQuestionAsker> AskedBy { get; } = [];

    public bool IsShared => AskedBy.Count > 1;

    /// <summary>The same question in the shape stage 1's <see cref="AnswerRules"/> check, so both stages accept the same answers.</summary>
    public Question ToQuestion() => new()
    {
        Key = Key, Prompt = Prompt, Help = Help, Kind = Kind, Required = Required, MaxWords = MaxWords, ChoicesText = ChoicesText,
    };
}

/// <summary>A stream that asks a question.</summary>
public class StreamQuestionAsker
{
    public int QuestionId { get; set; }
    public int StreamId { get; set; }
}
