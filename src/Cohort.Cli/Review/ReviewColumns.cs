using Cohort.Cli.Matching;
using Cohort.Matching.Text;
using CsvHelper;

namespace Cohort.Cli.Review;

/// <summary>
/// Where the columns calibration reads are in a review spreadsheet's header: <c>reviewer</c>, <c>item</c> and
/// <c>score</c> are required, <c>topic</c> is optional, names match ignoring case and surrounding spaces, in any
/// order, and every other column is ignored. Indexes are 0-based; messages count columns from 1, as spreadsheets do.
/// </summary>
internal sealed record ReviewColumns(int Reviewer, int Item, int Score, int? Topic, int Count, int HeaderLine)
{
    public const string ReviewerName = "reviewer";
    public const string ItemName = "item";
    public const string ScoreName = "score";
    public const string TopicName = "topic";

    private static readonly string[] Required = [ReviewerName, ItemName, ScoreName];

    public static ReviewColumns Of(CsvReader csv)
    {
        csv.ReadHeader();
        var headers = csv.Headers.Select(h => h.Trim()).ToArray();
        if (headers.All(h => h.Length == 0))
        {
            throw new InvalidInputException("the file is empty: its first line must be a header naming the columns reviewer, item and score");
        }

        var line = checked((int)csv.LineNumber);
        var found = Required.Append(TopicName).ToDictionary(name => name, name => Find(headers, name, line));
        var missing = Required.Where(name => found[name] is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidInputException($"line {line}: the header lacks the {English.List(missing.Select(m => $"\"{m}\"").ToList())} " +
                $"{(missing.Count == 1 ? "column" : "columns")} " +
                $"(required: reviewer, item, score; it has: {English.ShortList(headers.Select(h => $"\"{Shown(h)}\"").ToList())})");
        }

        return new ReviewColumns(found[ReviewerName]!.Value, found[ItemName]!.Value, found[ScoreName]!.Value, found[TopicName], headers.Length, line);
    }

    /// <summary>A value as an error message quotes it: the user's own text on one line (a quoted field may hold line breaks), cut so that the message stays short.</summary>
    public static string Shown(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= 40 ? line : line[..40] + "…";
    }

    /// <summary>Where the column is, or null; a column named twice is refused, since either might hold the scores meant.</summary>
    private static int? Find(string[] headers, string name, int line)
    {
        var at = Enumerable.Range(0, headers.Length).Where(i => string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase)).ToList();
        return at.Count switch
        {
            0 => null,
            1 => at[0],
            _ => throw new InvalidInputException($"line {line}, column {at[1] + 1}: a second \"{name}\" column (the first is column {at[0] + 1}); keep one"),
        };
    }
}
