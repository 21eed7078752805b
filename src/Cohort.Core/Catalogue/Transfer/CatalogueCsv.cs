using System.Globalization;
using CsvHelper;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>
/// The CSV form of a catalogue is its streams table, one stream a row, since that is what people edit in a
/// spreadsheet. Co-mentors are listed in one cell, their slugs separated by semicolons; the mentors
/// themselves must already exist (import them with the JSON format).
/// </summary>
public static class CatalogueCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "slug", "track", "name", "tagline", "topic", "location", "city", "capacity", "mentors",
        "description", "mentorshipStructure", "desiredCharacteristics", "projectSelection", "followUps",
    ];

    public sealed record Rows(List<StreamDocument> Streams, List<long> Lines);

    public static (Rows? Rows, IReadOnlyList<ImportProblem> Problems) ReadStreams(string text)
    {
        var problems = new List<ImportProblem>();
        var rows = new Rows([], []);
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions
            {
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Throw,
            });
            var missing = Columns.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
            if (missing.Count > 0)
            {
                return (null, [new ImportProblem("line 1", $"the header lacks the column(s) {string.Join(", ", missing)}; expected: {string.Join(",", Columns)}.")]);
            }

            while (csv.Read())
            {
                var line = csv.LineNumber;
                rows.Lines.Add(line);
                rows.Streams.Add(ReadRow(csv, line, problems));
            }
        }
        catch (CsvFormatException e)
        {
            return (null, [new ImportProblem("CSV", $"the file is not well-formed CSV: {e.Message}")]);
        }

        return (rows, problems);
    }

    private static StreamDocument ReadRow(CsvReader csv, long line, List<ImportProblem> problems)
    {
        var capacityText = csv.GetString("capacity");
        if (!int.TryParse(capacityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity))
        {
            problems.Add(new ImportProblem($"line {line}, column capacity", $"'{capacityText}' is not a whole number."));
        }

        return new StreamDocument
        {
            Slug = csv.GetString("slug").Trim(),
            Track = csv.GetString("track").Trim(),
            Name = csv.GetString("name").Trim(),
            Tagline = csv.GetString("tagline"),
            Topic = csv.GetString("topic").Trim(),
            Location = csv.GetString("location"),
            City = NullIfEmpty(csv.GetString("city")),
            Capacity = capacity,
            Mentors = csv.GetString("mentors").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Description = csv.GetString("description"),
            MentorshipStructure = csv.GetString("mentorshipStructure"),
            DesiredCharacteristics = csv.GetString("desiredCharacteristics"),
            ProjectSelection = csv.GetString("projectSelection"),
            FollowUps = csv.GetString("followUps"),
        };
    }

    public static string WriteStreams(IEnumerable<StreamDocument> streams)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var s in streams)
            {
                string[] fields =
                [
                    s.Slug ?? "", s.Track ?? "", s.Name ?? "", s.Tagline, s.Topic, s.Location, s.City ?? "",
                    s.Capacity.ToString(CultureInfo.InvariantCulture), string.Join(';', s.Mentors),
                    s.Description, s.MentorshipStructure, s.DesiredCharacteristics, s.ProjectSelection, s.FollowUps,
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
