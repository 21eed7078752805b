namespace Cohort.Core.Applications;

/// <summary>The names uploaded files are stored and served under.</summary>
public static class StoredFileNames
{
    /// <summary>
    /// The uploader's own name, without folders, quotes or control characters, and always ending in ".pdf", since the
    /// content was checked to be a PDF: a PDF sent as "cv.exe" must not be handed to anyone as an executable. A name
    /// left empty or too long becomes <paramref name="fallback"/>.
    /// </summary>
    public static string Pdf(string fileName, string fallback)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var cleaned = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray()).Trim();
        if (!cleaned.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = Path.GetFileNameWithoutExtension(cleaned).Trim() + ".pdf";
        }

        return cleaned.Length is > 4 and <= 200 ? cleaned : fallback;
    }
}
