using Cohort.Core.Applications;
using Cohort.Core.Catalogue.Transfer;

namespace Cohort.Core.Imports;

/// <summary>One column of the file and where it goes; <paramref name="Guessed"/> when Cohort chose it from the header.</summary>
public sealed record MappedColumn(string Header, ImportTarget Target, bool Guessed);

/// <summary>
/// Turns the mapping a person gave (header to target) into a target for every column of the file. A column the mapping
/// leaves out is guessed from its header: a question whose label or key it matches, else the usual names form tools
/// give the address, the name and the time of submission. A column neither mapped nor guessed is a problem, not
/// silently dropped: the person says <c>ignore</c> for what they do not want.
/// </summary>
public static class ColumnMapping
{
    private static readonly HashSet<string> EmailHeaders = ["email", "email address", "e-mail", "e-mail address", "email_address", "your email"];
    private static readonly HashSet<string> NameHeaders =
        ["name", "full name", "your name", "full_name", "applicant name", "first name", "last name", "given name", "family name", "surname"];
    private static readonly HashSet<string> SubmittedHeaders =
        ["timestamp", "submitted at", "submitted", "submitted on", "submission time", "date submitted", "created", "created time", "created at"];

    public static (List<MappedColumn> Columns, List<ImportProblem> Problems) Resolve(
        IReadOnlyList<string> headers, IReadOnlyDictionary<string, string> given, IReadOnlyList<Question> questions)
    {
        var problems = new List<ImportProblem>();
        problems.AddRange(given.Keys.Where(header => !headers.Contains(header, StringComparer.Ordinal))
            .Select(header => new ImportProblem($"mapping \"{header}\"", "no column of the file has this header.")));

        var columns = new List<MappedColumn>();
        foreach (var header in headers)
        {
            if (given.TryGetValue(header, out var text))
            {
                if (ImportTarget.Parse(text) is { } target)
                {
                    columns.Add(new MappedColumn(header, target, Guessed: false));
                }
                else
                {
                    problems.Add(new ImportProblem($"mapping \"{header}\"", $"\"{text}\" is not a target: use {ImportTarget.Choices}."));
                }
            }
            else if (Guess(header, questions) is { } guess)
            {
                columns.Add(new MappedColumn(header, guess, Guessed: true));
            }
            else
            {
                problems.Add(new ImportProblem($"column \"{header}\"", $"is not mapped and matches no question: map it to {ImportTarget.Choices}."));
            }
        }

        return (columns, problems);
    }

    /// <summary>What a header most likely holds, or null when it matches nothing Cohort knows.</summary>
    public static ImportTarget? Guess(string header, IReadOnlyList<Question> questions)
    {
        var said = Plain(header);
        if (questions.FirstOrDefault(q => Plain(q.Prompt) == said || Plain(q.Key) == said) is { } question)
        {
            // A file cannot come in a CSV (form tools export a link to it); the column is noted and left out.
            return question.Kind == QuestionKind.File ? ImportTarget.Ignore : new ImportTarget(TargetKind.Question, question.Key);
        }

        return EmailHeaders.Contains(said) ? ImportTarget.Email
            : NameHeaders.Contains(said) ? ImportTarget.Name
            : SubmittedHeaders.Contains(said) ? ImportTarget.SubmittedAt
            : null;
    }

    // "  Why do you want to do AI safety research, and why now? " matches "why do you want to do ai safety research, and why now".
    private static string Plain(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', ':', '.', '*').Trim().ToLowerInvariant();
}
