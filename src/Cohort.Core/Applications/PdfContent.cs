namespace Cohort.Core.Applications;

/// <summary>
/// Reads an uploaded PDF of at most 5 MB, recognised by its first bytes rather than its name, so an executable
/// renamed .pdf is refused. Reading stops one chunk past the limit, so an oversized upload is never held whole.
/// </summary>
public static class PdfContent
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The problem of a file whose first bytes are not a PDF's; any other problem is the size.</summary>
    public const string NotAPdf = "The file is not a PDF.";

    /// <summary>The file's bytes, or why it is refused.</summary>
    public static async Task<(byte[]? Bytes, string? Problem)> ReadAsync(Stream content, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return (null, $"The PDF is over the {MaxBytes / (1024 * 1024)} MB limit.");
            }
        }

        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length).StartsWith("%PDF-"u8)
            ? (buffer.ToArray(), null)
            : (null, NotAPdf);
    }
}
