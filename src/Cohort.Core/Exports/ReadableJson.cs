using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Cohort.Core.Exports;

/// <summary>
/// The encoder for JSON that people download and read: System.Text.Json escapes every non-ASCII letter by default, so
/// "Grünewald" would arrive as "Gr\u00FCnewald". These files are attachments, never inlined into a page, so letters of
/// every script are written as themselves; the characters HTML treats specially are still escaped.
/// </summary>
public static class ReadableJson
{
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}
