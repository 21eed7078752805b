namespace Cohort.Tests.Shared;

/// <summary>The sample exports in docs/samples, read from the repository the tests run in.</summary>
public static class SampleFiles
{
    public const string GoogleForms = "google-forms-responses.csv";
    public const string Airtable = "airtable-applicants.csv";

    public static string PathOf(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cohort.slnx")))
            {
                return Path.Combine(folder.FullName, "docs", "samples", name);
            }
        }

        throw new InvalidOperationException("No Cohort.slnx above the test binaries: the samples cannot be found.");
    }

    /// <summary>The file's text as an upload gives it to the import: the byte-order mark still in front.</summary>
    public static string Read(string name) => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(PathOf(name)));

    /// <summary>The file without the record that starts on <paramref name="line"/> (and ends before the next record's line).</summary>
    public static string Without(string text, int line, int nextLine)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Take(line - 1).Concat(lines.Skip(nextLine - 1)));
    }
}
