using System.Text.RegularExpressions;

namespace Cohort.Web.Tests.Hosting;

/// <summary>
/// docs/security.md stays a whole and true ASVS checklist: exactly one row for every level 1 and level 2 requirement of
/// OWASP ASVS 5.0, each with a known status and some evidence, and every test the document cites exists.
/// </summary>
public sealed partial class SecurityChecklistTests
{
    // Every requirement of level 1 or 2 in OWASP ASVS 5.0.0, as id/level, one chapter a line.
    private const string Requirements = """
        1.1.1/2 1.1.2/2 1.2.1/1 1.2.2/1 1.2.3/1 1.2.4/1 1.2.5/1 1.2.6/2 1.2.7/2 1.2.8/2 1.2.9/2 1.3.1/1 1.3.2/1 1.3.3/2 1.3.4/2 1.3.5/2 1.3.6/2 1.3.7/2 1.3.8/2 1.3.9/2 1.3.10/2 1.3.11/2 1.4.1/2 1.4.2/2 1.4.3/2 1.5.1/1 1.5.2/2
        2.1.1/1 2.1.2/2 2.1.3/2 2.2.1/1 2.2.2/1 2.2.3/2 2.3.1/1 2.3.2/2 2.3.3/2 2.3.4/2 2.4.1/2
        3.2.1/1 3.2.2/1 3.3.1/1 3.3.2/2 3.3.3/2 3.3.4/2 3.4.1/1 3.4.2/1 3.4.3/2 3.4.4/2 3.4.5/2 3.4.6/2 3.5.1/1 3.5.2/1 3.5.3/1 3.5.4/2 3.5.5/2 3.7.1/2 3.7.2/2
        4.1.1/1 4.1.2/2 4.1.3/2 4.2.1/2 4.3.1/2 4.3.2/2 4.4.1/1 4.4.2/2 4.4.3/2 4.4.4/2
        5.1.1/2 5.2.1/1 5.2.2/1 5.2.3/2 5.3.1/1 5.3.2/1 5.4.1/2 5.4.2/2 5.4.3/2
        6.1.1/1 6.1.2/2 6.1.3/2 6.2.1/1 6.2.2/1 6.2.3/1 6.2.4/1 6.2.5/1 6.2.6/1 6.2.7/1 6.2.8/1 6.2.9/2 6.2.10/2 6.2.11/2 6.2.12/2 6.3.1/1 6.3.2/1 6.3.3/2 6.3.4/2 6.4.1/1 6.4.2/1 6.4.3/2 6.4.4/2 6.5.1/2 6.5.2/2 6.5.3/2 6.5.4/2 6.5.5/2 6.6.1/2 6.6.2/2 6.6.3/2 6.8.1/2 6.8.2/2 6.8.3/2 6.8.4/2
        7.1.1/2 7.1.2/2 7.1.3/2 7.2.1/1 7.2.2/1 7.2.3/1 7.2.4/1 7.3.1/2 7.3.2/2 7.4.1/1 7.4.2/1 7.4.3/2 7.4.4/2 7.4.5/2 7.5.1/2 7.5.2/2 7.6.1/2 7.6.2/2
        8.1.1/1 8.1.2/2 8.2.1/1 8.2.2/1 8.2.3/2 8.3.1/1 8.4.1/2
        9.1.1/1 9.1.2/1 9.1.3/1 9.2.1/1 9.2.2/2 9.2.3/2 9.2.4/2
        10.1.1/2 10.1.2/2 10.2.1/2 10.2.2/2 10.3.1/2 10.3.2/2 10.3.3/2 10.3.4/2 10.4.1/1 10.4.2/1 10.4.3/1 10.4.4/1 10.4.5/1 10.4.6/2 10.4.7/2 10.4.8/2 10.4.9/2 10.4.10/2 10.4.11/2 10.5.1/2 10.5.2/2 10.5.3/2 10.5.4/2 10.5.5/2 10.6.1/2 10.6.2/2 10.7.1/2 10.7.2/2 10.7.3/2
        11.1.1/2 11.1.2/2 11.2.1/2 11.2.2/2 11.2.3/2 11.3.1/1 11.3.2/1 11.3.3/2 11.4.1/1 11.4.2/2 11.4.3/2 11.4.4/2 11.5.1/2 11.6.1/2
        12.1.1/1 12.1.2/2 12.1.3/2 12.2.1/1 12.2.2/1 12.3.1/2 12.3.2/2 12.3.3/2 12.3.4/2
        13.1.1/2 13.2.1/2 13.2.2/2 13.2.3/2 13.2.4/2 13.2.5/2 13.3.1/2 13.3.2/2 13.4.1/1 13.4.2/2 13.4.3/2 13.4.4/2 13.4.5/2
        14.1.1/2 14.1.2/2 14.2.1/1 14.2.2/2 14.2.3/2 14.2.4/2 14.3.1/1 14.3.2/2 14.3.3/2
        15.1.1/1 15.1.2/2 15.1.3/2 15.2.1/1 15.2.2/2 15.2.3/2 15.3.1/1 15.3.2/2 15.3.3/2 15.3.4/2 15.3.5/2 15.3.6/2 15.3.7/2
        16.1.1/2 16.2.1/2 16.2.2/2 16.2.3/2 16.2.4/2 16.2.5/2 16.3.1/2 16.3.2/2 16.3.3/2 16.3.4/2 16.4.1/2 16.4.2/2 16.4.3/2 16.5.1/2 16.5.2/2 16.5.3/2
        17.1.1/2 17.2.1/2 17.2.2/2 17.2.3/2 17.2.4/2 17.3.1/2 17.3.2/2
        """;

    private const string ChecklistHeading = "## OWASP ASVS 5.0 checklist";

    private static readonly string[] Statuses = ["Covered", "Partly", "Not done", "Not applicable"];

    private static readonly string Root = RepositoryRoot();

    private static readonly string Document = File.ReadAllText(Path.Combine(Root, "docs", "security.md"));

    private sealed record Row(int Line, string Id, string Level, string Status, string Evidence);

    [Fact]
    public void Every_level_one_and_two_requirement_has_exactly_one_row_at_its_level()
    {
        var expected = Requirements.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('/'))
            .ToDictionary(parts => parts[0], parts => "L" + parts[1]);
        var (rows, malformed) = Checklist();
        var problems = new List<string>(malformed);

        foreach (var id in expected.Keys)
        {
            var count = rows.Count(r => r.Id == id);
            if (count != 1)
            {
                problems.Add($"{id} has {count} rows; it needs exactly one.");
            }
        }

        foreach (var row in rows)
        {
            if (!expected.TryGetValue(row.Id, out var level))
            {
                problems.Add($"line {row.Line}: {row.Id} is not a level 1 or 2 requirement of ASVS 5.0.");
            }
            else if (row.Level != level)
            {
                problems.Add($"line {row.Line}: {row.Id} is {level}, not {row.Level}.");
            }
        }

        Assert.Equal(253, expected.Count);
        Assert.True(problems.Count == 0, $"docs/security.md's checklist:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Every_row_has_one_of_the_four_statuses_and_some_evidence()
    {
        var (rows, malformed) = Checklist();
        var problems = new List<string>(malformed);
        foreach (var row in rows)
        {
            if (!Statuses.Contains(row.Status))
            {
                problems.Add($"line {row.Line}: {row.Id} has the status \"{row.Status}\"; it must be one of {string.Join(", ", Statuses)}.");
            }

            if (row.Evidence.Length == 0)
            {
                problems.Add($"line {row.Line}: {row.Id} gives no evidence, nor why it does not apply.");
            }
        }

        Assert.NotEmpty(rows);
        Assert.True(problems.Count == 0, $"docs/security.md's checklist:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Every_test_the_document_cites_exists()
    {
        var tests = TestMethodsByClass();
        var cited = CitedTest().Matches(Document).Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).Distinct().ToList();
        var missing = cited
            .Where(c => !tests.TryGetValue(c.Class, out var methods) || !methods.Contains(c.Method))
            .Select(c => $"{c.Class}.{c.Method}: no test method of that name is declared in a class of that name under tests/.")
            .ToList();

        Assert.NotEmpty(cited);
        Assert.True(missing.Count == 0, $"docs/security.md cites tests that do not exist:\n{string.Join('\n', missing)}");
    }

    /// <summary>The rows of the checklist section, and a sentence for each line there that looks like a row but is not one.</summary>
    private static (List<Row> Rows, List<string> Malformed) Checklist()
    {
        var lines = Document.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(ChecklistHeading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/security.md has no section starting \"{ChecklistHeading}\".");

        var rows = new List<Row>();
        var malformed = new List<string>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!RowStart().IsMatch(line))
            {
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 5 || !RequirementId().IsMatch(cells[0]))
            {
                malformed.Add($"line {i + 1} is not a row of five cells (ASVS | Level | Requirement | Status | Evidence): {line}");
                continue;
            }

            rows.Add(new Row(i + 1, cells[0], cells[1], cells[3], cells[4]));
        }

        return (rows, malformed);
    }

    /// <summary>
    /// The test methods ([Fact], [Theory], [Property]) declared under tests/, by the top-level class that declares
    /// them. A file-scoped namespace puts top-level types at the start of a line, so a file is cut there into classes.
    /// </summary>
    private static Dictionary<string, HashSet<string>> TestMethodsByClass()
    {
        var byClass = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var types = TopLevelType().Matches(source);
            for (var t = 0; t < types.Count; t++)
            {
                var end = t + 1 < types.Count ? types[t + 1].Index : source.Length;
                var body = source[types[t].Index..end];
                var methods = byClass.TryGetValue(types[t].Groups["name"].Value, out var known) ? known : byClass[types[t].Groups["name"].Value] = [];
                methods.UnionWith(TestMethod().Matches(body).Select(m => m.Groups["method"].Value));
            }
        }

        return byClass;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cohort.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Cohort.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>A test cited as evidence: `ClassName.Method_name`, in backticks; test names are sentences, so they hold an underscore.</summary>
    [GeneratedRegex(@"`(?<class>[A-Z][A-Za-z0-9]*)\.(?<method>[A-Za-z][A-Za-z0-9]*_\w*)`")]
    private static partial Regex CitedTest();

    [GeneratedRegex(@"^\|\s*\d")]
    private static partial Regex RowStart();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex RequirementId();

    [GeneratedRegex(@"^(?:[a-z]+\s+)*(?:class|record|struct)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    /// <summary>A test attribute, any attributes after it (InlineData…), then the method it marks.</summary>
    [GeneratedRegex(@"^\s*\[(?:Fact|Theory|Property)\b[^\n]*\n(?:\s*\[[^\n]*\n|\s*//[^\n]*\n)*\s*public\s+(?:async\s+)?(?:static\s+)?\w+(?:<[^>]*>)?\s+(?<method>\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex TestMethod();
}
