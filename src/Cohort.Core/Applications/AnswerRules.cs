using System.Globalization;

namespace Cohort.Core.Applications;

/// <summary>A problem with one answer, keyed by the question so a form can show it beside the field.</summary>
public sealed record AnswerProblem(string QuestionKey, string Message);

/// <summary>What each kind of question accepts. Pure rules, shared by drafts (as warnings) and submission.</summary>
public static class AnswerRules
{
    public const int MaxShortTextLength = 500;
    public const int MaxLongTextLength = 30_000;

    public static IEnumerable<AnswerProblem> Check(QuestionDefinition question, string? value, bool submitting)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (submitting && question.Required)
            {
                yield return new(question.Key, "An answer is required.");
            }

            yield break;
        }

        if (Problem(question, text) is { } message)
        {
            yield return new(question.Key, message);
        }
    }

    private static string? Problem(QuestionDefinition question, string text) => question.Kind switch
    {
        QuestionKind.ShortText when text.Length > MaxShortTextLength => $"Keep this under {MaxShortTextLength} characters.",
        QuestionKind.LongText when text.Length > MaxLongTextLength => $"Keep this under {MaxLongTextLength} characters.",
        QuestionKind.LongText when question.MaxWords > 0 && WordCount(text) > question.MaxWords =>
            $"This has {WordCount(text)} words; the limit is {question.MaxWords}.",
        QuestionKind.SingleChoice when !question.Choices.Contains(text) => "Choose one of the options.",
        QuestionKind.MultipleChoice when Lines(text).Any(c => !question.Choices.Contains(c)) => "Choose only among the options.",
        QuestionKind.Url when !IsWebAddress(text) => "Give a full web address starting with https:// or http://.",
        QuestionKind.Date when ParseDate(text) is null => "Give a date as YYYY-MM-DD.",
        _ => null,
    };

    public static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An absolute http or https address: the only kind a page may render as a link.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
