using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Apply;

/// <summary>One question as a form shows it: the stored answer, the uploaded file if any, and the problem to show beside it.</summary>
public sealed record QuestionView(QuestionDefinition Question, string? Value, int? FileId, string? Problem)
{
    /// <summary>What a question's form field is named after: "q." and its key, on every form that asks questions.</summary>
    public const string FieldPrefix = "q.";

    public string FieldName => FieldPrefix + Question.Key;

    /// <summary>
    /// The answers a form posted to <paramref name="questions"/> (file questions excepted: they arrive as uploads), by
    /// question key; a multiple choice with nothing ticked posts nothing and reads as empty. Only the form's own
    /// questions are read from the post; any other field (a state, a score) is never looked at.
    /// </summary>
    public static Dictionary<string, string> Posted(IFormCollection form, IEnumerable<QuestionDefinition> questions) =>
        questions.Where(q => q.Kind != QuestionKind.File)
            .Where(q => form.ContainsKey(FieldPrefix + q.Key) || q.Kind == QuestionKind.MultipleChoice)
            .ToDictionary(q => q.Key, q => string.Join('\n', form[FieldPrefix + q.Key].Where(v => v is not null)));
    public string FieldId => "q-" + Question.Key;
    public string ProblemId => FieldId + "-problem";
    public string HintId => FieldId + "-hint";
    public IReadOnlyList<string> Selected => AnswerRules.Lines(Value ?? "");

    public string? DescribedBy => string.Join(' ', new[] { Question.Help.Length > 0 || Question.MaxWords > 0 ? HintId : null, Problem is null ? null : ProblemId }
        .Where(id => id is not null)) is { Length: > 0 } ids ? ids : null;
}
