using System.Globalization;
using Cohort.Cli.Matching;
using Cohort.Core.Review;
using Cohort.Matching.Text;
using CsvHelper;
using static Cohort.Cli.Review.ReviewColumns;

namespace Cohort.Cli.Review;

/// <summary>
/// Reads a review spreadsheet saved as CSV (RFC 4180: comma-separated, fields quoted with doubled quotes inside, CRLF
/// or LF line ends, UTF-8 with or without a byte order mark). Every problem stops the read with a message naming its
/// line and column, since a review read wrongly would move an item's calibrated score without anyone seeing why.
/// </summary>
internal static class ReviewCsv
{
    public static ReviewSheet Read(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions
        {
            // Never guessed: a comma file whose topics hold semicolons is read as written.
            Separator = ',',
            TrackLineNumbers = true,
            // Recovering from bad quoting could put a score under the wrong item, so it stops the read instead.
            OnMalformedRecord = record => throw new InvalidInputException($"line {record.LineNumber}: {Malformed(record.Reason)}"),
        });
        var sheet = new Builder(ReviewColumns.Of(csv));
        while (csv.Read())
        {
            sheet.Add(csv);
        }

        return sheet.Build();
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field; quote the whole field and double the quotes inside it",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field; double the quotes inside a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        _ => $"malformed CSV ({reason})",
    };

    private sealed class Builder(ReviewColumns columns)
    {
        private readonly List<string> _items = [];
        private readonly Dictionary<string, int> _subjectOf = new(StringComparer.Ordinal);
        private readonly List<string> _reviewers = [];
        private readonly HashSet<string> _knownReviewers = new(StringComparer.Ordinal);
        private readonly List<ReviewScore> _reviews = [];
        private readonly Dictionary<(string Reviewer, int Subject), int> _lineOfReview = [];
        private readonly Dictionary<int, (string Topic, int Line)> _topics = [];

        public void Add(CsvReader csv)
        {
            var line = checked((int)csv.LineNumber);
            if (csv.FieldCount < columns.Count)
            {
                throw new InvalidInputException($"line {line}, column {csv.FieldCount + 1}: the row ends after " +
                    $"{English.Count(csv.FieldCount, "field", "fields")}, but the header has {columns.Count}");
            }

            if (csv.FieldCount > columns.Count)
            {
                throw new InvalidInputException($"line {line}, column {columns.Count + 1}: the row has {csv.FieldCount} fields, " +
                    $"but the header has {columns.Count}; quote a field that holds a comma");
            }

            var reviewer = Id(csv, columns.Reviewer, ReviewerName, line);
            var item = Id(csv, columns.Item, ItemName, line);
            var score = Score(csv, line);
            if (!_subjectOf.TryGetValue(item, out var subject))
            {
                subject = _items.Count;
                _subjectOf.Add(item, subject);
                _items.Add(item);
            }

            // Two scores of one item by one reviewer would count as two independent reviews; which one is meant
            // (a revised review, a second round) is the programme's call, not the reader's.
            if (!_lineOfReview.TryAdd((reviewer, subject), line))
            {
                throw new InvalidInputException($"line {line}: reviewer \"{Shown(reviewer)}\" already scored item \"{Shown(item)}\" " +
                    $"on line {_lineOfReview[(reviewer, subject)]}; keep one review per reviewer and item");
            }

            if (_knownReviewers.Add(reviewer))
            {
                _reviewers.Add(reviewer);
            }

            _reviews.Add(new ReviewScore(subject, reviewer, score));
            if (columns.Topic is { } topicColumn)
            {
                AddTopic(csv.GetString(topicColumn).Trim(), topicColumn, subject, item, line);
            }
        }

        public ReviewSheet Build() => _reviews.Count > 0
            ? new ReviewSheet(_items, _reviewers, _reviews, _topics.ToDictionary(t => t.Key, t => t.Value.Topic))
            : throw new InvalidInputException($"no reviews: the file has a header (line {columns.HeaderLine}) but no rows");

        /// <summary>An empty topic says nothing; two different ones for one item are refused, since an item has one topic.</summary>
        private void AddTopic(string topic, int column, int subject, string item, int line)
        {
            if (topic.Length == 0)
            {
                return;
            }

            if (!_topics.TryAdd(subject, (topic, line)) && _topics[subject].Topic != topic)
            {
                var (first, firstLine) = _topics[subject];
                throw new InvalidInputException($"line {line}, column {column + 1} ({TopicName}): item \"{Shown(item)}\" has topic " +
                    $"\"{Shown(topic)}\" here but \"{Shown(first)}\" on line {firstLine}; an item has one topic");
            }
        }

        /// <summary>Surrounding spaces are never part of an id: "r1 " and "r1" are one reviewer.</summary>
        private static string Id(CsvReader csv, int column, string name, int line)
        {
            var id = csv.GetString(column).Trim();
            return id.Length > 0 ? id : throw new InvalidInputException($"line {line}, column {column + 1} ({name}): empty");
        }

        private double Score(CsvReader csv, int line)
        {
            var text = csv.GetString(columns.Score).Trim();
            var where = $"line {line}, column {columns.Score + 1} ({ScoreName})";
            if (text.Length == 0)
            {
                throw new InvalidInputException($"{where}: empty; leave out the reviews that have no score");
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new InvalidInputException($"{where}: \"{Shown(text)}\" is not a number (write 6 or 6.5, with a decimal point)");
            }

            return double.IsFinite(score) ? score : throw new InvalidInputException($"{where}: \"{Shown(text)}\" is not a finite number");
        }
    }
}
