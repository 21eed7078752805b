using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cohort.Cli.Matching;

/// <summary>
/// The one JSON object a matching command writes to standard output, through a 64 KB buffer. The writers nest
/// their objects by construction, so the writer does not check each call (SkipValidation); the bytes are the same.
/// </summary>
internal sealed class ResultJson : IDisposable
{
    private readonly Stream _stdout;

    private ResultJson(JavaScriptEncoder? encoder)
    {
        _stdout = Console.OpenStandardOutput();
        Writer = new Utf8JsonWriter(new BufferedStream(_stdout, 1 << 16), new JsonWriterOptions { Indented = true, SkipValidation = true, Encoder = encoder });
        Writer.WriteStartObject();
    }

    public Utf8JsonWriter Writer { get; }

    public static ResultJson Open() => new(null);

    /// <summary>
    /// For output whose strings are sentences and people's names: apostrophes, ± and letters such as ü are written as
    /// they are rather than as \u escapes. Still valid JSON; it is read by programs and people, never put into HTML.
    /// </summary>
    public static ResultJson OpenForText() => new(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    public void WriteStats(params (string Name, double Value)[] stats)
    {
        Writer.WriteStartObject("stats");
        foreach (var (name, value) in stats)
        {
            Writer.WriteNumber(name, Math.Round(value, 3));
        }

        Writer.WriteEndObject();
    }

    public void Dispose()
    {
        Writer.WriteEndObject();
        Writer.Flush();
        Writer.Dispose();
        _stdout.Write("\n"u8);
        _stdout.Flush();
    }
}
