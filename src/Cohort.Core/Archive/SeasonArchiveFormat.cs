namespace Cohort.Core.Archive;

/// <summary>
/// The season archive's fixed words (docs/archive.md): what the file says it is, the version of its layout, and the
/// top-level fields an export writes anew every time and a comparison of two archives therefore ignores.
/// </summary>
public static class SeasonArchiveFormat
{
    public const string Name = "cohort-season-archive";

    /// <summary>Raised when the layout of the file changes (not when a table gains a column: see docs/archive.md).</summary>
    public const int Version = 1;

    /// <summary>The only field whose value differs between two exports of the same season: when it was written.</summary>
    public const string GeneratedAt = "generatedAt";

    public static IReadOnlyList<string> RegeneratedFields { get; } = [GeneratedAt];
}
