using System.Text;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// The files operators install from deploy/, read as systemd reads them, so a test runs Cohort exactly as they
/// describe it. Only paths and secrets that belong to one server are replaced, each by name.
/// </summary>
public static class DeployFiles
{
    public const string EnvironmentExample = "deploy/cohort.env.example";
    public const string Unit = "deploy/cohort@.service";
    public const string Wrapper = "deploy/cohort.sh";

    public static string Read(string path) => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), path));

    /// <summary>The KEY='value' lines of an environment file, in order, with their quotes removed.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Variables(string environmentFile) =>
        environmentFile.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(Assignment);

    /// <summary>
    /// The example environment file filled in for one server: each key in <paramref name="values"/> gets that value
    /// (or its line is removed, for null), and <paramref name="extra"/> is added at the end. A key the example lacks
    /// fails, so the example cannot lose a setting the test relies on.
    /// </summary>
    public static string FillIn(string example, IReadOnlyDictionary<string, string?> values, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var missing = values.Keys.Except(Variables(example).Select(v => v.Key)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{EnvironmentExample} does not set {string.Join(", ", missing)}.");
        }

        var filled = new StringBuilder();
        foreach (var line in example.Split('\n'))
        {
            var trimmed = line.Trim();
            var key = trimmed.Length == 0 || trimmed.StartsWith('#') ? null : Assignment(trimmed).Key;
            if (key is null || !values.TryGetValue(key, out var value))
            {
                filled.Append(line).Append('\n');
            }
            else if (value is not null)
            {
                filled.Append(Line(key, value));
            }
        }

        foreach (var (key, value) in extra)
        {
            filled.Append(Line(key, value));
        }

        return filled.ToString();
    }

    /// <summary>The [Service] directives of a templated unit, for one instance (%i), each with every value it is given.</summary>
    public static ILookup<string, string> ServiceDirectives(string unit, string instance)
    {
        var section = "";
        var directives = new List<KeyValuePair<string, string>>();
        foreach (var line in unit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('['))
            {
                section = line;
            }
            else if (section == "[Service]")
            {
                var (key, value) = Assignment(line);
                directives.Add(new(key, value.Replace("%i", instance, StringComparison.Ordinal)));
            }
        }

        return directives.ToLookup(d => d.Key, d => d.Value);
    }

    /// <summary>NAME=value, the value without the single or double quotes around it.</summary>
    public static KeyValuePair<string, string> Assignment(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals < 1)
        {
            throw new InvalidOperationException($"Not an assignment: {line}");
        }

        var value = line[(equals + 1)..];
        if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0])
        {
            value = value[1..^1];
        }

        return new(line[..equals], value);
    }

    private static string Line(string key, string value) =>
        value.Contains('\'', StringComparison.Ordinal)
            ? throw new ArgumentException($"{key}'s value holds a single quote, which the environment file cannot.", nameof(value))
            : $"{key}='{value}'\n";
}
