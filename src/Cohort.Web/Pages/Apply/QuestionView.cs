using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Apply;

/// <summary>One question as a form shows it: the stored answer, the uploaded file if any, and the problem to show beside it.</summary>
public sealed record QuestionView(QuestionDefinition Question, string? Value, int? FileId, string? Problem)
{
    /// <summary>What a question's form field is named after: "q." and its key, on every form that asks questions.</summary>
    public const string FieldPrefix = "q.";

    public string FieldName => FieldPrefix + Question.Key;
    public string FieldId => "q-" + Question.Key;
    public string ProblemId => FieldId + "-problem";
    public string HintId => FieldId + "-hint";
    public IReadOnlyList<string> Selected => AnswerRules.Lines(Value ?? "");

    public string? DescribedBy => string.Join(' ', new[] { Question.Help.Length > 0 || Question.MaxWords > 0 ? HintId : null, Problem is null ? null : ProblemId }
        .Where(id => id is not null)) is { Length: > 0 } ids ? ids : null;
}
